package io.sextant.inference.extractive;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits passage text into sentences, each an exact substring of the passage (trimmed of surrounding space). */
final class Sentences {

    private Sentences() {
    }

    /**
     * The sentences of a text.
     *
     * @param text the passage text
     * @return its sentences in order, each a verbatim substring
     */
    static List<String> split(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text);
        List<String> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            for (String line : text.substring(start, end).split("\\n\\s*\\n")) {
                String s = line.strip();
                if (s.codePoints().filter(Character::isLetterOrDigit).count() >= 3) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
