package io.sextant.inference.prompt;

import java.util.List;

/**
 * Applies stop sequences to streamed text: text that might be the start of a stop sequence is held back until it is
 * clear, and output ends just before the first complete stop sequence, which is never emitted. Engines run every
 * stream through one, so stop behaviour is the same for every engine and library version.
 */
public final class StopFilter {

    private final List<String> stops;
    private final StringBuilder held = new StringBuilder();
    private boolean matched;

    /**
     * A filter.
     *
     * @param stops the stop sequences (non-empty strings)
     */
    public StopFilter(List<String> stops) {
        this.stops = List.copyOf(stops);
    }

    /**
     * Takes the next piece.
     *
     * @param piece generated text
     * @return the text that is now safe to emit (possibly empty)
     */
    public String accept(String piece) {
        if (matched) {
            return "";
        }
        held.append(piece);
        int cut = -1;
        for (String s : stops) {
            int i = held.indexOf(s);
            if (i >= 0 && (cut < 0 || i < cut)) {
                cut = i;
            }
        }
        if (cut >= 0) {
            matched = true;
            String out = held.substring(0, cut);
            held.setLength(0);
            return out;
        }
        int keep = longestPartialMatch();
        String out = held.substring(0, held.length() - keep);
        held.delete(0, held.length() - keep);
        return out;
    }

    /**
     * Whether a stop sequence appeared.
     *
     * @return true once output has ended at a stop sequence
     */
    public boolean matched() {
        return matched;
    }

    /**
     * Ends the stream.
     *
     * @return held-back text that turned out not to be a stop sequence
     */
    public String finish() {
        String out = matched ? "" : held.toString();
        held.setLength(0);
        return out;
    }

    private int longestPartialMatch() {
        String h = held.toString();
        int best = 0;
        for (String s : stops) {
            for (int len = Math.min(s.length() - 1, h.length()); len > best; len--) {
                if (h.regionMatches(h.length() - len, s, 0, len)) {
                    best = len;
                    break;
                }
            }
        }
        return best;
    }
}
