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

    /** What a tool does with a byte the code page does not define. */
    enum Loss {
        /** Browsers: a C1 control for 0x80..0x9F in the Windows code pages; U+FFFD for the rest. */
        BROWSER,
        /** Dropped without a trace. */
        DROPPED,
        /** Written as "?". */
        QUESTION_MARK,
        /** Written as U+FFFD, as the JDK's decoders do. */
        REPLACEMENT_CHARACTER
    }

    /**
     * UTF-8 bytes decoded with any single-byte code page of the JDK, byte by byte with the JDK's own decoder, and
     * the bytes it does not define handled as the given tool would.
     */
    static UnaryOperator<String> decodedAs(String codePage, Loss loss) {
        Charset charset = Charset.forName(codePage);
        boolean windows = codePage.startsWith("windows-") || codePage.equals("x-windows-874");
        return text -> {
            StringBuilder out = new StringBuilder();
            for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
                int value = b & 0xFF;
                if (value < 0x80) {
                    out.append((char) value);
                    continue;
                }
                String decoded = new String(new byte[] {b}, charset); // U+FFFD for an undefined byte
                if (!decoded.equals("\uFFFD")) {
                    out.append(decoded);
                    continue;
                }
                switch (loss) {
                    case BROWSER -> out.append(windows && value <= 0x9F ? (char) value : '\uFFFD');
                    case DROPPED -> { }
                    case QUESTION_MARK -> out.append('?');
                    case REPLACEMENT_CHARACTER -> out.append('\uFFFD');
                }
            }
            return out.toString();
        };
    }

    /** Whether decoding the text's UTF-8 bytes with the code page meets a byte it does not define. */
    static boolean losesBytes(String text, String codePage) {
        return decodedAs(codePage, Loss.REPLACEMENT_CHARACTER).apply(text).indexOf('\uFFFD') >= 0;
    }

    /** Whether a browser decoding would lose bytes: undefined bytes other than a Windows code page's C1 ones. */
    static boolean browserLosesBytes(String text, String codePage) {
        return decodedAs(codePage, Loss.BROWSER).apply(text).indexOf('\uFFFD') >= 0;
    }
}
