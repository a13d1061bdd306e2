package io.sextant.appliance.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Rule- and gazetteer-based named entity recognition for reporting prose: people (titles and capitalized names),
 * organizations (numbered units, ministries, companies, known and unknown acronyms), places (a gazetteer of countries,
 * capitals and theatres, "in/near/at X", routes, grid references), equipment (designations such as T-72 or Su-25,
 * named systems, vehicle nouns) and dates (ISO, written, date-time groups). No model is needed, so it runs on an
 * air-gapped appliance; what it misses is measured in {@code EntityExtractorTest} and in docs/entities.
 *
 * <p>Candidates from every rule are collected, then overlaps are resolved longest first (ties by rule priority), so
 * "Ministry of Defence of Ukraine" stays one organization rather than an organization and a place. Stateless and
 * thread-safe.
 */
public final class EntityExtractor {

    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
    private static final String CAP = "[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?";
    private static final String NAME = "(?:[A-Z]\\.\\s?)?" + CAP + "(?:\\s+(?:[A-Z]\\.\\s?)?" + CAP + "){0,2}";

    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(" + MONTHS + ")\\.?,?\\s+(\\d{4})\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern DTG = Pattern.compile(
            "\\b\\d{6}[A-Z]\\s?(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\\s?\\d{2}(?:\\d{2})?\\b");

    private static final Pattern DESIGNATION = Pattern.compile(
            "\\b(?:[A-Z][A-Za-z]{0,3}-\\d{1,4}[A-Z0-9]{0,3}(?:[- ][A-Z]\\d?)?|\\d[A-Z]\\d{1,3}[A-Z]?\\d?)\\b");
    private static final Set<String> SYSTEMS = words("HIMARS", "Iskander", "Kalibr", "Kinzhal", "Bayraktar TB2",
            "Bayraktar", "Shahed-136", "Lancet", "Javelin", "NLAWS", "NLAW", "Stinger", "Patriot", "Leopard 2",
            "Abrams", "Challenger 2", "Bradley", "Stryker", "Krasukha", "Pantsir", "Buk", "Tor", "Grad", "Uragan",
            "Smerch", "Tornado-S", "Kornet", "Orlan-10", "Mavic", "Switchblade", "Tomahawk", "Storm Shadow", "ATACMS",
            "MANPADS", "Zircon", "Onyx", "Kh-101", "Caesar", "Gepard", "IRIS-T", "NASAMS", "Aegis");
    private static final Pattern VEHICLES = Pattern.compile("\\b(?:(?:fuel|cargo|supply|ammunition|transport"
            + "|utility|military|armou?red|attack|combat|reconnaissance|main battle|self-propelled|landing)\\s+)?"
            + "(trucks?|tanks?|helicopters?|drones?|UAVs?|howitzers?|frigates?|corvettes?|destroyers?|submarines?"
            + "|fighter jets?|jets?|aircraft|bombers?|warships?|vessels?|artillery|rocket launchers?|launchers?"
            + "|armou?red personnel carriers?|APCs|APC|infantry fighting vehicles?|IFVs?|vehicles?"
            + "|missiles?|radars?|boats?)\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern UNIT = Pattern.compile("\\b\\d{1,3}(?:st|nd|rd|th)\\s+(?:[A-Z][a-z]+\\s+){0,3}"
            + "(?:Brigade|Division|Regiment|Battalion|Army|Corps|Squadron|Fleet|Flotilla|Company|Group|Wing|Battery"
            + "|Detachment|Task Force)\\b");
    private static final Pattern MINISTRY = Pattern.compile("\\b(?:Ministry|Department|Directorate|Office|Agency"
            + "|Bureau|Committee|Council|Service)\\s+(?:of|for)\\s+(?:the\\s+)?" + CAP
            + "(?:\\s+(?:and\\s+)?" + CAP + "){0,3}\\b");
    private static final Pattern COMPANY = Pattern.compile("\\b(?:[A-Z][A-Za-z&-]+\\s+){1,3}(?:Ltd|Inc|LLC|GmbH"
            + "|Corp|Corporation|Company|PLC|plc|JSC|AG|S\\.A|Group|Holdings|Industries|Shipping|Logistics)\\b\\.?");
    private static final Pattern NAMED_FORCE = Pattern.compile("\\b(?:(?:" + CAP + ")\\s+){1,3}(?:Navy|Air Force"
            + "|Armed Forces|Army|Guard|Police|Coast Guard|Militia|Brigade|Battalion|Front)\\b");
    private static final Set<String> ORGS = words("NATO", "UN", "EU", "FSB", "GRU", "SVR", "CIA", "NSA", "FBI",
            "MI6", "MI5", "GCHQ", "IAEA", "OSCE", "ICRC", "IRGC", "ISIS", "ISIL", "Hezbollah", "Hamas", "Houthis",
            "Wagner Group", "Wagner", "Rosoboronexport", "Gazprom", "Red Cross", "United Nations", "European Union",
            "Interpol", "Europol", "SBU", "HUR", "Taliban", "al-Shabaab", "Rosgvardia", "Frontex", "AU", "ECOWAS");
    private static final Pattern ACRONYM = Pattern.compile("\\b[A-Z][A-Z0-9]{2,5}\\b");
    /** Upper-case words that are markings, military shorthand or units of time, not organizations. */
    private static final Set<String> NOT_ACRONYMS = words("SECRET", "UNCLASSIFIED", "CONFIDENTIAL", "NOFORN",
            "FOUO", "REL", "ORCON", "PROPIN", "NATO", "TOP", "USA", "GBR", "CAN", "AUS", "NZL", "FVEY", "CUI", "SCI",
            "SAR", "DTG", "UTC", "ETA", "ETD", "EOF", "TBD", "NOTE", "SUBJECT", "SUMMARY", "COMMENT", "END", "THE",
            "AND", "FOR", "NOT", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
            "SITREP", "INTSUM", "PIR", "SIR", "EEI", "BDA", "ISR", "HUMINT", "SIGINT", "IMINT", "OSINT", "GEOINT",
            "MASINT", "COMINT", "ELINT", "LOC", "MSR", "ASR", "AOR", "FOB", "HQ", "GMT", "ZULU", "IED", "VBIED",
            "CBRN", "KIA", "WIA", "POW", "IDP", "IDPS", "ROE", "LNO", "QRF", "CAS", "AAA", "SAM", "SAMS", "MLRS",
            "MRL", "ATGM", "RPG", "RPGS", "AFV", "APCS", "IFVS", "UAVS", "APC", "IFV", "UAV", "MBT", "MBTS", "ASAP",
            "NFN", "IMO", "CEO", "PDF", "URL", "GPS", "MGRS", "LAT", "LON", "NEW", "OLD", "ALL");

    private static final Pattern TITLED = Pattern.compile("\\b(?:Lieutenant General|Major General|Lieutenant Colonel"
            + "|Brigadier General|Rear Admiral|Vice Admiral|Lt\\.? ?Gen\\.|Maj\\.? ?Gen\\.|Lt\\.? ?Col\\.|Brig\\.? ?Gen\\."
            + "|General|Gen\\.|Colonel|Col\\.|Major|Maj\\.|Captain|Capt\\.|Lieutenant|Lt\\.|Admiral|Adm\\."
            + "|Commander|Cdr\\.|Sergeant|Sgt\\.|Corporal|Private|President|Prime Minister|Defence Minister"
            + "|Defense Minister|Foreign Minister|Minister|Deputy Minister|Ambassador|Director|Deputy Director"
            + "|Senator|Governor|Mayor|Commissioner|Chief|Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.?|Sheikh|Emir|King|Queen|Prince)"
            + "\\s+(" + NAME + ")");
    private static final Pattern SAID = Pattern.compile("\\b(" + CAP + "\\s+" + CAP + ")(?:,\\s+[a-z][^,]{0,60},)?"
            + "\\s+(?:said|says|stated|told|reported|announced|confirmed|denied|claimed|warned|ordered)\\b");

    private static final Pattern PREPOSITION_PLACE = Pattern.compile("\\b(?:in|near|at|outside|around|from|toward"
            + "|towards|into|to|north of|south of|east of|west of|northeast of|northwest of|southeast of"
            + "|southwest of|via|across|through)\\s+(" + CAP + "(?:\\s+" + CAP + "){0,2})\\b");
    private static final Pattern ROUTE = Pattern.compile("\\b(?:Route|Highway|MSR|Road|Hill|Checkpoint|Objective)"
            + "\\s+(?:\\d{1,4}[A-Z]?|[A-Z][a-z]+)\\b");
    private static final Pattern MGRS = Pattern.compile(
            "\\b\\d{1,2}[C-HJ-NP-X]\\s?[A-HJ-NP-Z]{2}\\s?(?:\\d{4}|\\d{6}|\\d{8}|\\d{10}|\\d{2,5}\\s\\d{2,5})\\b");
    private static final Pattern LATLON = Pattern.compile(
            "\\b\\d{1,2}(?:\\.\\d+)?°?\\s?[NS],?\\s?\\d{1,3}(?:\\.\\d+)?°?\\s?[EW]\\b");
    /** Capitalized words that follow "in/at/near" but are not places. */
    private static final Set<String> NOT_PLACES = words("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
            "Thursday", "Friday", "Saturday", "Sunday", "The", "This", "That", "These", "Those", "A", "An", "Our",
            "Their", "His", "Her", "Its", "Phase", "Annex", "Appendix", "Section", "Paragraph", "Figure", "Table",
            "Spring", "Summer", "Autumn", "Winter", "Fall", "Operation", "Exercise", "Order", "Response", "Addition",
            "Total", "Time", "Zulu", "Local", "Dawn", "Dusk", "Support", "Contact", "Line", "Reserve", "Command",
            "Each", "Some", "Most", "All", "Both", "Any", "Several", "Ministry", "Department", "Weather", "Fuel",
            "Port", "Several", "Reporting", "Sources", "Source", "Imagery", "Open", "Local", "Early", "Late");

    private static final Set<String> PLACES = loadPlaces();
    private static final Pattern GAZETTEER_PLACE = wordsPattern(PLACES);
    private static final Pattern GAZETTEER_ORG = wordsPattern(ORGS);
    private static final Pattern GAZETTEER_SYSTEM = wordsPattern(SYSTEMS);

    /** A candidate span before overlaps are resolved. */
    private record Candidate(Mention mention, int priority) {
        int length() {
            return mention.end() - mention.start();
        }
    }

    /**
     * Finds the entity mentions in a text.
     *
     * @param text any text (a passage)
     * @return mentions in text order, not overlapping
     */
    public List<Mention> extract(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Candidate> c = new ArrayList<>();
        dates(text, c);
        equipment(text, c);
        organizations(text, c);
        people(text, c);
        places(text, c);
        List<Mention> chosen = resolve(c);
        return withSurnames(text, chosen);
    }

    private static void dates(String text, List<Candidate> out) {
        for (Matcher m = ISO_DATE.matcher(text); m.find();) {
            iso(m.group(1), m.group(2), m.group(3)).ifPresent(d -> add(out, EntityType.DATE, d, m, 9));
        }
        for (Matcher m = DAY_MONTH_YEAR.matcher(text); m.find();) {
            String name = iso(m.group(3), month(m.group(2)), pad(m.group(1))).orElse(m.group());
            add(out, EntityType.DATE, name, m, 9);
        }
        for (Matcher m = MONTH_DAY_YEAR.matcher(text); m.find();) {
            String name = iso(m.group(3), month(m.group(1)), pad(m.group(2))).orElse(m.group());
            add(out, EntityType.DATE, name, m, 9);
        }
        for (Matcher m = DTG.matcher(text); m.find();) {
            add(out, EntityType.DATE, m.group().replace(" ", ""), m, 9);
        }
    }

    private static void equipment(String text, List<Candidate> out) {
        for (Matcher m = DESIGNATION.matcher(text); m.find();) {
            String s = m.group();
            if (s.matches("[A-Z]-\\d{1,2}") && !s.startsWith("T") && !s.startsWith("S") && !s.startsWith("F")
                    && !s.startsWith("B") && !s.startsWith("C")) {
                continue; // "A-3": more likely an annex or a grid square than a system
            }
            add(out, EntityType.EQUIPMENT, s, m, 6);
        }
        for (Matcher m = GAZETTEER_SYSTEM.matcher(text); m.find();) {
            add(out, EntityType.EQUIPMENT, m.group(), m, 6);
        }
        for (Matcher m = VEHICLES.matcher(text); m.find();) {
            add(out, EntityType.EQUIPMENT, singular(m.group().toLowerCase(Locale.ROOT)), m, 2);
        }
    }

    private static void organizations(String text, List<Candidate> out) {
        for (Matcher m = UNIT.matcher(text); m.find();) {
            add(out, EntityType.ORGANIZATION, m.group(), m, 8);
        }
        for (Matcher m = MINISTRY.matcher(text); m.find();) {
            add(out, EntityType.ORGANIZATION, m.group(), m, 8);
        }
        for (Matcher m = COMPANY.matcher(text); m.find();) {
            String s = m.group().replaceFirst("^(?:The|A|An)\\s+", "");
            int start = m.end() - s.length();
            if (s.contains(" ")) {
                add(out, new Mention(EntityType.ORGANIZATION, s, s, start, m.end()), 7);
            }
        }
        for (Matcher m = NAMED_FORCE.matcher(text); m.find();) {
            String s = m.group().replaceFirst("^(?:The)\\s+", "");
            add(out, new Mention(EntityType.ORGANIZATION, s, s, m.end() - s.length(), m.end()), 5);
        }
        for (Matcher m = GAZETTEER_ORG.matcher(text); m.find();) {
            add(out, EntityType.ORGANIZATION, m.group(), m, 7);
        }
        for (Matcher m = ACRONYM.matcher(text); m.find();) {
            String s = m.group();
            if (NOT_ACRONYMS.contains(s) || s.chars().allMatch(Character::isDigit) || PLACES.contains(s)
                    || SYSTEMS.contains(s) || inUpperCaseLine(text, m.start(), m.end())) {
                continue;
            }
            add(out, EntityType.ORGANIZATION, s, m, 3);
        }
    }

    private static void people(String text, List<Candidate> out) {
        for (Matcher m = TITLED.matcher(text); m.find();) {
            String name = m.group(1);
            if (PLACES.contains(name) || NOT_PLACES.contains(name)) {
                continue;
            }
            add(out, new Mention(EntityType.PERSON, name, m.group(), m.start(), m.end()), 7);
        }
        for (Matcher m = SAID.matcher(text); m.find();) {
            String name = m.group(1);
            String first = name.split("\\s+")[0];
            if (PLACES.contains(name) || NOT_PLACES.contains(first) || ORGS.contains(name)) {
                continue;
            }
            add(out, new Mention(EntityType.PERSON, name, name, m.start(1), m.end(1)), 4);
        }
    }

    private static void places(String text, List<Candidate> out) {
        for (Matcher m = GAZETTEER_PLACE.matcher(text); m.find();) {
            add(out, EntityType.PLACE, m.group(), m, 6);
        }
        for (Matcher m = ROUTE.matcher(text); m.find();) {
            add(out, EntityType.PLACE, m.group(), m, 6);
        }
        for (Matcher m = MGRS.matcher(text); m.find();) {
            add(out, EntityType.PLACE, m.group().replace(" ", ""), m, 9);
        }
        for (Matcher m = LATLON.matcher(text); m.find();) {
            add(out, EntityType.PLACE, m.group(), m, 9);
        }
        for (Matcher m = PREPOSITION_PLACE.matcher(text); m.find();) {
            String s = m.group(1);
            String first = s.split("\\s+")[0];
            if (NOT_PLACES.contains(first) || ORGS.contains(s)) {
                continue;
            }
            add(out, new Mention(EntityType.PLACE, s, s, m.start(1), m.end(1)), 1);
        }
    }

    /** Longest span first; among equal spans the higher priority; never two overlapping mentions. */
    private static List<Mention> resolve(List<Candidate> candidates) {
        candidates.sort(Comparator.comparingInt(Candidate::length).reversed()
                .thenComparing(Comparator.comparingInt(Candidate::priority).reversed())
                .thenComparingInt(c -> c.mention().start()));
        boolean[] taken = new boolean[candidates.stream().mapToInt(c -> c.mention().end()).max().orElse(0) + 1];
        List<Mention> out = new ArrayList<>();
        for (Candidate c : candidates) {
            Mention m = c.mention();
            boolean free = true;
            for (int i = m.start(); i < m.end() && free; i++) {
                free = !taken[i];
            }
            if (free) {
                for (int i = m.start(); i < m.end(); i++) {
                    taken[i] = true;
                }
                out.add(m);
            }
        }
        out.sort(Comparator.comparingInt(Mention::start));
        return out;
    }

    /** A person named in full once ("General Ivan Petrov") is recognized by surname later ("Petrov said"). */
    private static List<Mention> withSurnames(String text, List<Mention> chosen) {
        Map<String, String> bySurname = new HashMap<>();
        for (Mention m : chosen) {
            if (m.type() == EntityType.PERSON && m.name().contains(" ")) {
                String[] parts = m.name().split("\\s+");
                bySurname.put(parts[parts.length - 1], m.name());
            }
        }
        if (bySurname.isEmpty()) {
            return chosen;
        }
        List<Candidate> extra = new ArrayList<>();
        chosen.forEach(m -> extra.add(new Candidate(m, 10)));
        Pattern p = wordsPattern(bySurname.keySet());
        for (Matcher m = p.matcher(text); m.find();) {
            extra.add(new Candidate(new Mention(EntityType.PERSON, bySurname.get(m.group()), m.group(), m.start(),
                    m.end()), 0));
        }
        return resolve(extra);
    }

    private static void add(List<Candidate> out, EntityType type, String name, Matcher m, int priority) {
        add(out, new Mention(type, name.strip(), m.group(), m.start(), m.end()), priority);
    }

    private static void add(List<Candidate> out, Mention m, int priority) {
        out.add(new Candidate(m, priority));
    }

    private static boolean inUpperCaseLine(String text, int start, int end) {
        int ls = text.lastIndexOf('\n', start - 1) + 1;
        int le = text.indexOf('\n', end);
        String line = text.substring(ls, le < 0 ? text.length() : le);
        long letters = line.chars().filter(Character::isLetter).count();
        long upper = line.chars().filter(Character::isUpperCase).count();
        return letters > 12 && upper * 10 >= letters * 9;
    }

    private static java.util.Optional<String> iso(String year, String month, String day) {
        try {
            return java.util.Optional.of(LocalDate.parse(year + "-" + month + "-" + day).toString());
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static String month(String name) {
        String three = name.substring(0, 3).toLowerCase(Locale.ROOT);
        int i = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
                .indexOf(three);
        return pad(Integer.toString(i + 1));
    }

    private static String pad(String n) {
        return n.length() == 1 ? "0" + n : n;
    }

    private static String singular(String s) {
        if (s.endsWith("ies")) {
            return s.substring(0, s.length() - 3) + "y";
        }
        if (s.endsWith("s") && !s.endsWith("ss") && !s.endsWith("aircraft")) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }

    /**
     * @param name an entity name
     * @return the form two names of the same entity share (case and spacing folded)
     */
    static String fold(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(new LinkedHashSet<>(List.of(words)));
    }

    private static Pattern wordsPattern(Set<String> words) {
        String alternatives = words.stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\w-])(?:" + alternatives + ")(?![\\w-])");
    }

    private static Set<String> loadPlaces() {
        Set<String> out = new LinkedHashSet<>();
        try (InputStream in = EntityExtractor.class.getResourceAsStream("/entities/places.txt")) {
            if (in == null) {
                throw new IllegalStateException("entities/places.txt is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null;) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
