package io.sextant.appliance.jobs;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/**
 * A classic 5-field cron expression: minute, hour, day of month, month, day of week (0 or 7 is Sunday). Fields take
 * {@code *}, numbers, ranges {@code a-b}, steps {@code * /n} or {@code a-b/n}, lists, and month/day names
 * ({@code JAN}, {@code MON}). As in cron, when both day fields are restricted a day matching either one fires.
 */
public final class Cron {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
            Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
            Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11),
            Map.entry("DEC", 12));
    private static final Map<String, Integer> DAYS = Map.of("SUN", 0, "MON", 1, "TUE", 2, "WED", 3, "THU", 4,
            "FRI", 5, "SAT", 6);

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean domRestricted;
    private final boolean dowRestricted;

    private Cron(String text, String[] f) {
        this.text = text;
        this.minutes = field(f[0], 0, 59, Map.of(), "minute");
        this.hours = field(f[1], 0, 23, Map.of(), "hour");
        this.daysOfMonth = field(f[2], 1, 31, Map.of(), "day of month");
        this.months = field(f[3], 1, 12, MONTHS, "month");
        BitSet dow = field(f[4], 0, 7, DAYS, "day of week");
        if (dow.get(7)) {
            dow.set(0);
        }
        this.daysOfWeek = dow;
        this.domRestricted = !f[2].equals("*");
        this.dowRestricted = !f[4].equals("*");
    }

    /**
     * @param expression five fields separated by spaces, e.g. {@code 0 5 * * *} (daily at 05:00)
     * @return the expression
     * @throws IllegalArgumentException when it is not a 5-field cron expression
     */
    public static Cron parse(String expression) {
        String t = expression == null ? "" : expression.strip();
        String[] f = t.split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("a schedule is a 5-field cron expression (minute hour day-of-month "
                    + "month day-of-week), e.g. \"0 5 * * *\"; got \"" + t + "\"");
        }
        return new Cron(t, f);
    }

    /**
     * @param after a time
     * @return the first minute strictly after it that the expression matches
     */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(5);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
                continue;
            }
            if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
                continue;
            }
            if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
                continue;
            }
            if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
                continue;
            }
            return t;
        }
        throw new IllegalArgumentException("the schedule \"" + text + "\" never fires");
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        boolean dow = daysOfWeek.get(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
        if (domRestricted && dowRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    private static BitSet field(String spec, int min, int max, Map<String, Integer> names, String what) {
        BitSet bits = new BitSet(max + 1);
        for (String part : spec.split(",")) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), Map.of(), what);
                if (step < 1) {
                    throw new IllegalArgumentException("bad step in the " + what + " field: " + part);
                }
            }
            int lo;
            int hi;
            if (range.equals("*")) {
                lo = min;
                hi = max;
            } else if (range.contains("-")) {
                String[] ab = range.split("-", 2);
                lo = number(ab[0], names, what);
                hi = number(ab[1], names, what);
            } else {
                lo = number(range, names, what);
                hi = slash >= 0 ? max : lo;
            }
            if (lo < min || hi > max || lo > hi) {
                throw new IllegalArgumentException("the " + what + " field is out of range " + min + "-" + max
                        + ": " + part);
            }
            for (int i = lo; i <= hi; i += step) {
                bits.set(i);
            }
        }
        return bits;
    }

    private static int number(String s, Map<String, Integer> names, String what) {
        Integer named = names.get(s.toUpperCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad value in the " + what + " field: " + s);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
