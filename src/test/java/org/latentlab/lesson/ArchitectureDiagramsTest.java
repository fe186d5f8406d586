package org.latentlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ArchitectureDiagramsTest {

    @Test
    void bothDiagramsAreWellFormedSvgWithEveryLabelFromTheReadersLanguage() throws Exception {
        for (String name : ArchitectureDiagrams.NAMES) {
            String url = ArchitectureDiagrams.dataUrl(name, key -> "«" + key.substring(key.lastIndexOf('.') + 1)
                    + " <&> ' מקודד»");
            assertThat(url).startsWith("data:image/svg+xml;base64,");
            byte[] svg = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg));
            assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
            String text = document.getDocumentElement().getTextContent();
            assertThat(text).contains("«encoder <&> ' מקודד»", "«decoder", "«input", "«output",
                    "«reconstructionLoss");
            assertThat(new String(svg, StandardCharsets.UTF_8)).doesNotContain("<script");
        }
        String vae = ArchitectureDiagrams.svg("vae-architecture", key -> key);
        assertThat(vae).contains("μ + σ ⊙ ε", "lesson.diagram.klTerm", "lesson.diagram.logVariance");
        assertThat(ArchitectureDiagrams.dataUrl("nonsense", key -> key)).isNull();
        // Hebrew labels read right to left with "KL" and "N(0, I)" in place; Latin ones keep the default.
        assertThat(ArchitectureDiagrams.svg("vae-architecture", key -> key.endsWith("klTerm") ? "איבר ה-KL" : key))
                .contains("direction='rtl'>איבר ה-KL</text>").containsOnlyOnce("direction='rtl'");
    }

    @Test
    void lettersAreDrawnLikeMnistDigits() {
        for (char letter : LetterImages.LETTERS) {
            float[] pixels = LetterImages.letter(letter);
            assertThat(pixels).hasSize(784);
            double mass = 0;
            double cx = 0;
            double cy = 0;
            int inked = 0;
            for (int i = 0; i < pixels.length; i++) {
                assertThat(pixels[i]).isBetween(0f, 1f);
                mass += pixels[i];
                cx += pixels[i] * (i % 28);
                cy += pixels[i] * (i / 28);
                if (pixels[i] > 0.5f) {
                    inked++;
                }
            }
            assertThat(inked).as("ink of %s", letter).isBetween(40, 400);
            assertThat(cx / mass).isBetween(12.5, 14.5);
            assertThat(cy / mass).isBetween(12.5, 14.5);
            // The border stays black, as in MNIST (a 20 x 20 box in a 28 x 28 image).
            for (int i = 0; i < 28; i++) {
                assertThat(pixels[i]).isZero();
                assertThat(pixels[27 * 28 + i]).isZero();
            }
        }
    }
}
