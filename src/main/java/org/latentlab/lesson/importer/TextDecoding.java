package org.latentlab.lesson.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the uploaded bytes into text, or refuses them. Lessons are UTF-8; a UTF-8 byte order mark is dropped, and
 * UTF-16 is accepted when a byte order mark says so (Windows editors save "Unicode" that way). Anything else that is
 * not clean text is refused rather than guessed at: a wrongly guessed encoding would damage every non-ASCII letter,
 * which is exactly the kind of damage the importer is there to remove.
 */
public final class TextDecoding {

    /** The largest file accepted: 1 MiB. The longest curriculum lesson is a few dozen kilobytes. */
    public static final int MAX_BYTES = 1_048_576;

    /** Refuse text when more than 1 character in this many is a control character. */
    private static final int CONTROL_SHARE_DIVISOR = 50;

    /**
     * Signatures of binary formats people upload by mistake (a screenshot, a Word file, a PDF export). Most would
     * also fail the NUL or UTF-8 checks, but naming the format makes the refusal understandable.
     */
    private static final List<Magic> MAGICS = List.of(
            new Magic("a PNG image", bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)),
            new Magic("a JPEG image", bytes(0xFF, 0xD8, 0xFF)),
            new Magic("a GIF image", bytes('G', 'I', 'F', '8')),
            new Magic("a PDF document", bytes('%', 'P', 'D', 'F', '-')),
            new Magic("a ZIP archive (or a Word, Excel or PowerPoint file)", bytes('P', 'K', 0x03, 0x04)),
            new Magic("a ZIP archive", bytes('P', 'K', 0x05, 0x06)),
            new Magic("a ZIP archive", bytes('P', 'K', 0x07, 0x08)),
            new Magic("a GZIP archive", bytes(0x1F, 0x8B)),
            new Magic("a 7-Zip archive", bytes('7', 'z', 0xBC, 0xAF, 0x27, 0x1C)),
            new Magic("a RAR archive", bytes('R', 'a', 'r', '!', 0x1A, 0x07)),
            new Magic("an old Microsoft Office document", bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)),
            new Magic("a program (ELF)", bytes(0x7F, 'E', 'L', 'F')),
            new Magic("a Java class file", bytes(0xCA, 0xFE, 0xBA, 0xBE)));

    private static final byte[] UTF8_BOM = bytes(0xEF, 0xBB, 0xBF);
    private static final byte[] UTF16BE_BOM = bytes(0xFE, 0xFF);
    private static final byte[] UTF16LE_BOM = bytes(0xFF, 0xFE);

    private TextDecoding() {
    }

    /**
     * The decoded file.
     *
     * @param text          the text, without byte order mark; line endings as in the file
     * @param encoding      the encoding it was read with: "UTF-8", "UTF-16BE" or "UTF-16LE"
     * @param byteOrderMark whether the file started with a byte order mark (now removed)
     */
    public record DecodedText(String text, String encoding, boolean byteOrderMark) {
    }

    /**
     * Decodes a lesson file.
     *
     * @throws LessonImportException when the file is empty, too large, binary or not decodable; the key tells which
     */
    public static DecodedText decode(byte[] content, String fileName) {
        fileName = fileName == null || fileName.isBlank() ? "(no name)" : fileName;
        if (content.length > MAX_BYTES) {
            throw refusal(ImportMessageKey.TOO_LARGE, null, fileName, content.length, MAX_BYTES);
        }
        if (content.length == 0) {
            throw refusal(ImportMessageKey.EMPTY, null, fileName);
        }
        for (Magic magic : MAGICS) {
            if (startsWith(content, magic.signature())) {
                throw refusal(ImportMessageKey.BINARY, null, fileName, magic.description());
            }
        }

        Charset charset;
        int skip;
        if (startsWith(content, UTF8_BOM)) {
            charset = StandardCharsets.UTF_8;
            skip = UTF8_BOM.length;
        } else if (startsWith(content, UTF16BE_BOM)) {
            charset = StandardCharsets.UTF_16BE;
            skip = UTF16BE_BOM.length;
        } else if (startsWith(content, UTF16LE_BOM)) {
            charset = StandardCharsets.UTF_16LE;
            skip = UTF16LE_BOM.length;
        } else {
            charset = StandardCharsets.UTF_8;
            skip = 0;
        }

        // In UTF-8 a NUL byte is a NUL character; in UTF-16 zero bytes are normal, so there it is checked after decoding.
        if (charset == StandardCharsets.UTF_8) {
            for (int i = skip; i < content.length; i++) {
                if (content[i] == 0) {
                    throw refusal(ImportMessageKey.NUL_BYTES, lineOfByte(content, i), fileName, i);
                }
            }
        }

        String text = strictDecode(content, skip, charset, fileName);

        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw refusal(ImportMessageKey.NUL_BYTES, lineOfChar(text, nul), fileName,
                    skip + nul * (charset == StandardCharsets.UTF_8 ? 1 : 2));
        }
        if (text.isBlank()) {
            throw refusal(ImportMessageKey.EMPTY, null, fileName);
        }
        long controls = text.chars().filter(TextDecoding::isSuspiciousControl).count();
        if (controls > 0 && controls * CONTROL_SHARE_DIVISOR > text.length()) {
            throw refusal(ImportMessageKey.CONTROL_CHARACTERS, null, fileName, controls, text.length());
        }
        return new DecodedText(text, charset.name(), skip > 0);
    }

    /**
     * C0 control characters other than the ones text files legitimately contain (tab, line feed, carriage return,
     * form feed), and DEL. C1 controls (U+0080..U+009F) are not counted: they show up in text whose UTF-8 was
     * decoded as ISO-8859-1, which the mojibake repair can restore.
     */
    private static boolean isSuspiciousControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
    }

    /** Decodes and reports the first undecodable byte instead of silently replacing it with U+FFFD. */
    private static String strictDecode(byte[] content, int skip, Charset charset, String fileName) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, skip, content.length - skip);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil((content.length - skip) * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            Integer line = charset == StandardCharsets.UTF_8 ? lineOfByte(content, offset) : null;
            throw refusal(ImportMessageKey.INVALID_ENCODING, line, fileName, charset.name(), offset);
        }
        out.flip();
        return out.toString();
    }

    private static LessonImportException refusal(ImportMessageKey key, Integer line, Object... args) {
        return new LessonImportException("file", key, line, args);
    }

    private static int lineOfByte(byte[] content, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int lineOfChar(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(content, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    private record Magic(String description, byte[] signature) {
    }
}
