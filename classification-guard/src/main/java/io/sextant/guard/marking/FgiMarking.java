package io.sextant.guard.marking;

import java.util.List;
import java.util.Objects;

/**
 * The FGI category of a US marking holding commingled foreign government information: {@code S//FGI DEU GBR} (open
 * sources) or {@code S//FGI} (source concealed). {@link #NONE} when absent.
 *
 * @param present   whether the category is there at all
 * @param concealed true when the source is concealed ({@code FGI} with no list)
 * @param sources   the source codes, trigraphs then tetragraphs, each ascending; empty when concealed
 */
public record FgiMarking(boolean present, boolean concealed, List<String> sources) {

    /** No FGI category. */
    public static final FgiMarking NONE = new FgiMarking(false, false, List.of());
    /** {@code FGI} with the source concealed. */
    public static final FgiMarking CONCEALED = new FgiMarking(true, true, List.of());

    /** Validates the combination and sorts the sources. */
    public FgiMarking {
        sources = Codes.sortCountries(Objects.requireNonNull(sources, "sources"), "FGI");
        if (!present && (concealed || !sources.isEmpty())) {
            throw new IllegalArgumentException("an absent FGI marking has no sources");
        }
        if (concealed && !sources.isEmpty()) {
            throw new IllegalArgumentException("concealed FGI lists no sources");
        }
        if (present && !concealed && sources.isEmpty()) {
            throw new IllegalArgumentException("FGI needs sources unless concealed");
        }
        if (sources.contains("USA")) {
            throw new IllegalArgumentException("USA cannot be a foreign government source");
        }
    }

    /**
     * @param sources the source codes
     * @return an open FGI marking
     */
    public static FgiMarking of(List<String> sources) {
        return new FgiMarking(true, false, sources);
    }

    /** @return the text, identical in banner and portion: {@code FGI} or {@code FGI DEU GBR} */
    public String text() {
        return sources.isEmpty() ? "FGI" : "FGI " + String.join(" ", sources);
    }
}
