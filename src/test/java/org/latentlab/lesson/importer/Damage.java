package org.latentlab.lesson.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * Produces mojibake the way real tools do: UTF-8 bytes decoded with a single-byte character set. The decoders are
 * the JDK's own, not the importer's tables, so the tests also check those tables.
 */
enum Damage implements UnaryOperator<String> {

    MAC_ROMAN {
        @Override
        public String apply(String text) {
            return new String(text.getBytes(StandardCharsets.UTF_8), Charset.forName("x-MacRoman"));
        }
    },
    /**
     * Windows-1252 as browsers and most tools decode it: the five undefined bytes become the C1 control of the same
     * value. (The JDK turns them into U+FFFD, which destroys the information.)
     */
    WINDOWS_1252 {
        @Override
        public String apply(String text) {
            Charset cp1252 = Charset.forName("windows-1252");
            StringBuilder out = new StringBuilder();
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                char c = new String(new byte[] {b}, cp1252).charAt(0);
                out.append(c == '\uFFFD' ? (char) (b & 0xFF) : c);
            }
            return out.toString();
        }
    },
    ISO_8859_1 {
        @Override
        public String apply(String text) {
            return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        }
    };

    /** This damage applied twice, as when a damaged file is saved as UTF-8 and read wrongly again. */
    UnaryOperator<String> twice() {
        return text -> apply(apply(text));
    }
}
