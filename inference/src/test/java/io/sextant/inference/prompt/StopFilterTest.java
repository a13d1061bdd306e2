package io.sextant.inference.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StopFilterTest {

    private static String streamed(String text, List<String> stops, Random rnd) {
        StopFilter f = new StopFilter(stops);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length() && !f.matched()) {
            int j = Math.min(text.length(), i + 1 + rnd.nextInt(4));
            out.append(f.accept(text.substring(i, j)));
            i = j;
        }
        return out.append(f.finish()).toString();
    }

    private static String expected(String text, List<String> stops) {
        int cut = text.length();
        for (String s : stops) {
            int k = text.indexOf(s);
            if (k >= 0) {
                cut = Math.min(cut, k);
            }
        }
        return text.substring(0, cut);
    }

    @Test
    void cutsBeforeTheFirstStopSequenceHoweverTheTextIsSplit() {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.out.println("StopFilterTest seed: -Dtests.seed=" + seed);
        Random rnd = new Random(seed);
        String alphabet = "ab<|>\n";
        for (int round = 0; round < 2000; round++) {
            StringBuilder t = new StringBuilder();
            for (int i = 0; i < rnd.nextInt(40); i++) {
                t.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            List<String> stops = List.of("<|>", "\nb", "aab");
            String text = t.toString();
            assertThat(streamed(text, stops, rnd)).as("text %s", text).isEqualTo(expected(text, stops));
        }
    }

    @Test
    void holdsBackAPossibleStartUntilItIsClear() {
        StopFilter f = new StopFilter(List.of("STOP"));
        assertThat(f.accept("go ST")).isEqualTo("go ");
        assertThat(f.accept("ILL")).isEqualTo("STILL");
        assertThat(f.accept(" STO")).isEqualTo(" ");
        assertThat(f.finish()).isEqualTo("STO");
    }
}
