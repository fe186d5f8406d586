package org.latentlab.quiz.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void sanitizingKeepsPlainTextAsItIs() {
        assertThat(PlainText.sanitize("Is 3 < 4 and 5 > 2? R&D, x<5, a -> b")).isEqualTo(
                "Is 3 < 4 and 5 > 2? R&D, x<5, a -> b");
        assertThat(PlainText.sanitize("  two   spaces\r\n\tand a tab\n\n\n\nend ")).isEqualTo(
                "two spaces\nand a tab\n\nend");
        assertThat(PlainText.sanitize("עברית ‏RTL‎ 😀")).isEqualTo("עברית ‏RTL‎ 😀");
    }

    @Test
    void sanitizingRemovesTagsScriptsAndEncodedTags() {
        assertThat(PlainText.sanitize("<b>bold</b> <script>alert(1)</script>text")).isEqualTo("bold text");
        assertThat(PlainText.sanitize("&lt;script&gt;alert(1)&lt;/script&gt;after")).isEqualTo("after");
        assertThat(PlainText.sanitize("&amp;lt;b&amp;gt;bold")).isEqualTo("bold");
        assertThat(PlainText.sanitize("<style>p{}</style><!-- hidden -->shown")).isEqualTo("shown");
        assertThat(PlainText.sanitize("Tom &amp; Jerry &eacute; &#x41;")).isEqualTo("Tom & Jerry é A");
        assertThat(PlainText.containsHtml(PlainText.sanitize("<<b>b>x</b>"))).isFalse();
    }

    @Test
    void htmlAndMarkdownBecomeReadablePlainText() {
        assertThat(PlainText.htmlToText("<p>One</p><p>Two<br>Three</p><ul><li>a</li><li>b</li></ul>"))
                .isEqualTo("One\nTwo\nThree\na\nb");
        assertThat(PlainText.markdownToText("# Title\n**bold**, *it*, _it_, `code`, [link](http://x), "
                + "![alt](i.png), snake_case_name, 2*3*4\n> quote")).isEqualTo(
                        "Title\nbold, it, it, code, link, alt, snake_case_name, 2*3*4\nquote");
    }

    @Test
    void slugsAreLowercaseAsciiWithSingleHyphens() {
        assertThat(PlainText.slug("  Größe & Maß: Ünïcode!! ")).isEqualTo("grosse-mass-unicode");
        assertThat(PlainText.slug("עברית")).isEmpty();
        assertThat(PlainText.slug("x".repeat(100))).hasSize(60);
        assertThat(PlainText.baseName("C:\\Users\\me\\My Quiz.v2.gift")).isEqualTo("My Quiz.v2");
    }
}
