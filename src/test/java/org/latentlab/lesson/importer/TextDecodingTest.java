package org.latentlab.lesson.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextDecodingTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] result = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, result, first.length, second.length);
        return result;
    }

    private static LessonImportException refusal(byte[] content) {
        return catchThrowableOfType(LessonImportException.class, () -> TextDecoding.decode(content, "lesson.md"));
    }

    @Test
    void decodesPlainUtf8() {
        TextDecoding.DecodedText decoded = TextDecoding.decode(utf8("# Šola ✅\nשלום\n"), "lesson.md");

        assertThat(decoded.text()).isEqualTo("# Šola ✅\nשלום\n");
        assertThat(decoded.encoding()).isEqualTo("UTF-8");
        assertThat(decoded.byteOrderMark()).isFalse();
    }

    @Test
    void dropsTheUtf8ByteOrderMark() {
        TextDecoding.DecodedText decoded = TextDecoding.decode(concat(new byte[] {(byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF}, utf8("# Title")), "lesson.md");

        assertThat(decoded.text()).isEqualTo("# Title");
        assertThat(decoded.byteOrderMark()).isTrue();
    }

    @Test
    void decodesUtf16WithAByteOrderMarkInBothByteOrders() {
        String text = "# Naslov\nčšž ✅ 🚀\n";
        byte[] bigEndian = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));
        byte[] littleEndian = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));

        assertThat(TextDecoding.decode(bigEndian, "a.md").text()).isEqualTo(text);
        assertThat(TextDecoding.decode(bigEndian, "a.md").encoding()).isEqualTo("UTF-16BE");
        assertThat(TextDecoding.decode(littleEndian, "a.md").text()).isEqualTo(text);
        assertThat(TextDecoding.decode(littleEndian, "a.md").encoding()).isEqualTo("UTF-16LE");
    }

    @Test
    void refusesUtf16WithoutAByteOrderMarkBecauseOfItsNulBytes() {
        assertThat(refusal("# Title".getBytes(StandardCharsets.UTF_16LE)).key()).isEqualTo("lesson.import.nulBytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\n\t  \r\n", "\uFEFF"})
    void refusesEmptyAndBlankFiles(String content) {
        LessonImportException refusal = refusal(utf8(content));

        assertThat(refusal.key()).isEqualTo("lesson.import.empty");
        assertThat(refusal.report().english()).isEqualTo("The file lesson.md is empty or contains only white space.");
        assertThat(refusal.report().severity()).isEqualTo(Severity.ERROR);
        assertThat(refusal.messageKey()).isEqualTo("lesson.import.empty");
        assertThat(refusal.field()).isEqualTo("file");
    }

    @Test
    void acceptsExactlyOneMebibyteAndRefusesOneByteMore() {
        byte[] limit = new byte[TextDecoding.MAX_BYTES];
        Arrays.fill(limit, (byte) 'a');
        assertThat(TextDecoding.decode(limit, "big.md").text()).hasSize(1_048_576);

        byte[] tooLarge = new byte[TextDecoding.MAX_BYTES + 1];
        Arrays.fill(tooLarge, (byte) 'a');
        LessonImportException refusal = refusal(tooLarge);

        assertThat(refusal.key()).isEqualTo("lesson.import.tooLarge");
        assertThat(refusal.report().args()).containsExactly("lesson.md", 1_048_577, 1_048_576);
        assertThat(refusal.report().english())
                .isEqualTo("The file lesson.md is too large: 1,048,577 bytes, the limit is 1,048,576 bytes.");
    }

    @Test
    void refusesPngZipAndPdfByTheirSignature() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
        byte[] pdf = utf8("%PDF-1.7\n%âãÏÓ\n1 0 obj\n");

        assertThat(refusal(png).key()).isEqualTo("lesson.import.binary");
        assertThat(refusal(png).report().english()).contains("a PNG image");
        assertThat(refusal(zip).key()).isEqualTo("lesson.import.binary");
        assertThat(refusal(zip).report().english()).contains("ZIP archive");
        assertThat(refusal(pdf).key()).isEqualTo("lesson.import.binary");
        assertThat(refusal(pdf).report().english()).contains("a PDF document");
    }

    @Test
    void refusesNulBytesAndSaysWhere() {
        LessonImportException refusal = refusal(utf8("# Title\n\nText\0more"));

        assertThat(refusal.key()).isEqualTo("lesson.import.nulBytes");
        assertThat(refusal.report().line()).isEqualTo(3);
        assertThat(refusal.report().args()).containsExactly("lesson.md", 13);
    }

    @Test
    void refusesInvalidUtf8AndSaysWhere() {
        // "café" saved as ISO-8859-1: the lone byte 0xE9 is not UTF-8.
        byte[] latin1 = "# Menu\n\ncafé au lait".getBytes(StandardCharsets.ISO_8859_1);

        LessonImportException refusal = refusal(latin1);

        assertThat(refusal.key()).isEqualTo("lesson.import.invalidEncoding");
        assertThat(refusal.report().line()).isEqualTo(3);
        assertThat(refusal.report().args()).containsExactly("lesson.md", "UTF-8", 11);
        assertThat(refusal.report().english())
                .isEqualTo("The file lesson.md is not valid UTF-8 text: the bytes at offset 11 cannot be decoded.");
    }

    @Test
    void refusesTruncatedUtf8AtTheEnd() {
        byte[] truncated = Arrays.copyOf(utf8("# Emoji 🚀"), utf8("# Emoji 🚀").length - 2);

        assertThat(refusal(truncated).key()).isEqualTo("lesson.import.invalidEncoding");
    }

    @Test
    void refusesTextFullOfControlCharacters() {
        byte[] content = new byte[200];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i % 3 == 0 ? 0x01 + i % 7 : 'x');
        }

        LessonImportException refusal = refusal(content);

        assertThat(refusal.key()).isEqualTo("lesson.import.controlCharacters");
    }

    @Test
    void acceptsAFewControlCharactersInALongText() {
        String text = "# Title\n\n" + "Some words. ".repeat(100) + "\u0007\u001B[0m";

        assertThat(TextDecoding.decode(utf8(text), "lesson.md").text()).isEqualTo(text);
    }

    @Test
    void namesTheFileEvenWhenItHasNoName() {
        assertThatThrownBy(() -> TextDecoding.decode(new byte[0], null))
                .isInstanceOfSatisfying(LessonImportException.class,
                        e -> assertThat(e.report().english()).contains("(no name)"));
    }
}
