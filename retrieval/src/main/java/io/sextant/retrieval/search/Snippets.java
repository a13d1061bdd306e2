package io.sextant.retrieval.search;

import io.sextant.retrieval.index.Fields;
import io.sextant.retrieval.index.PassageAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Builds a snippet of one passage the user may see: the window with the most query-term matches (matched through
 * the same analyzer as the index, so "running" highlights "runs"), HTML-escaped, matches in {@code <b>}. It reads
 * only the passage's own text, so a snippet can never carry text from another passage.
 */
public final class Snippets {

    private static final Analyzer ANALYZER = new PassageAnalyzer();

    private Snippets() {
    }

    /**
     * @param text     passage text
     * @param query    the user's query
     * @param maxChars window size
     * @return the highlighted snippet
     */
    public static String highlight(String text, String query, int maxChars) {
        Set<String> wanted = new HashSet<>(HybridRanker.analyze(query));
        List<int[]> matches = new ArrayList<>();
        try (TokenStream ts = ANALYZER.tokenStream(Fields.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (wanted.contains(term.toString())) {
                    matches.add(new int[] {off.startOffset(), off.endOffset()});
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int bestStart = 0;
        int bestCount = 0;
        for (int i = 0; i < matches.size(); i++) {
            int start = matches.get(i)[0];
            int count = 0;
            for (int j = i; j < matches.size() && matches.get(j)[1] <= start + maxChars; j++) {
                count++;
            }
            if (count > bestCount) {
                bestCount = count;
                bestStart = start;
            }
        }
        int from = bestCount == 0 ? 0 : wordStart(text, Math.max(0, bestStart - maxChars / 4));
        int to = Math.min(text.length(), from + maxChars);
        StringBuilder sb = new StringBuilder();
        if (from > 0) {
            sb.append("… ");
        }
        int pos = from;
        for (int[] m : matches) {
            if (m[0] < from || m[1] > to) {
                continue;
            }
            escape(sb, text, pos, m[0]);
            sb.append("<b>");
            escape(sb, text, m[0], m[1]);
            sb.append("</b>");
            pos = m[1];
        }
        escape(sb, text, pos, to);
        if (to < text.length()) {
            sb.append(" …");
        }
        return sb.toString();
    }

    private static int wordStart(String text, int i) {
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static void escape(StringBuilder sb, String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
    }
}
