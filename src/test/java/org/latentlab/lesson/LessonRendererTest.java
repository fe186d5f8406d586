package org.latentlab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.latentlab.lesson.LessonRenderer.Directive;
import org.latentlab.lesson.LessonRenderer.HtmlBlock;
import org.latentlab.lesson.LessonRenderer.RenderedLesson;
import org.latentlab.lesson.LessonRenderer.Section;

class LessonRendererTest {

    private final LessonRenderer renderer = new LessonRenderer();

    private static String html(RenderedLesson lesson) {
        return lesson.blocks().stream().filter(HtmlBlock.class::isInstance).map(b -> ((HtmlBlock) b).html())
                .collect(Collectors.joining("\n"));
    }

    @Test
    void headingsKeepTheirStableIdsAndTheFirstTitleIsTheLessonTitle() {
        RenderedLesson lesson = renderer.render("""
                # Autoencoders

                ## Why learn without labels? {#why-self-supervised}

                Text.

                ### Denoising {#denoising}

                ## A heading without id
                """);
        assertThat(lesson.title()).isEqualTo("Autoencoders");
        assertThat(lesson.sections()).containsExactly(
                new Section("why-self-supervised", "Why learn without labels?", 2),
                new Section("denoising", "Denoising", 3),
                new Section("section-3", "A heading without id", 2));
        assertThat(html(lesson)).contains("<h2 id=\"why-self-supervised\">Why learn without labels?</h2>")
                .doesNotContain("{#").doesNotContain("<h1");
    }

    @Test
    void directivesSplitTheLessonIntoHtmlAndLiveParts() {
        RenderedLesson lesson = renderer.render("""
                Before.

                ::: widget reconstruct

                Between.
                ::: lab conv-vae
                After.

                ::: nonsense thing
                """);
        assertThat(lesson.blocks()).hasSize(5);
        assertThat(lesson.blocks().get(1)).isEqualTo(new Directive("widget", "reconstruct"));
        assertThat(lesson.blocks().get(3)).isEqualTo(new Directive("lab", "conv-vae"));
        assertThat(((HtmlBlock) lesson.blocks().get(4)).html()).contains("After.").contains("::: nonsense thing");
    }

    @Test
    void directivesAndFormulasInsideCodeBlocksStayCode() {
        RenderedLesson lesson = renderer.render("""
                ```
                ::: widget reconstruct
                cost = $a_b$
                ```
                """);
        assertThat(lesson.blocks()).hasSize(1);
        assertThat(html(lesson)).contains("::: widget reconstruct").contains("cost = $a_b$")
                .contains("<pre dir=\"ltr\">");
    }

    @Test
    void formulasAreNotMarkdownAndReadLeftToRight() {
        RenderedLesson lesson = renderer.render("""
                The KL term $-\\frac{1}{2}\\sum_j (1 + \\log\\sigma_j^2 - \\mu_j^2 - \\sigma_j^2)$ keeps codes near zero.

                $$
                z = \\mu + \\sigma \\odot \\varepsilon
                $$

                A price of $5 and $10 is not a formula, nor is `$x_1$` in code.
                """);
        String html = html(lesson);
        assertThat(html).contains("<span class=\"ll-math\" dir=\"ltr\" data-tex=\"-\\frac{1}{2}\\sum_j (1 + "
                + "\\log\\sigma_j^2 - \\mu_j^2 - \\sigma_j^2)\">")
                .doesNotContain("<em>")
                .contains("<div class=\"ll-math-display\" dir=\"ltr\" data-tex=\"z = \\mu + \\sigma \\odot "
                        + "\\varepsilon\">")
                .contains("A price of $5 and $10 is not a formula")
                .contains("<code dir=\"ltr\">$x_1$</code>");
    }

    @Test
    void noScriptEventHandlerOrJavascriptUrlSurvives() {
        RenderedLesson lesson = renderer.render("""
                <script>alert(1)</script>

                <img src="x" onerror="alert(2)"> <a href="javascript:alert(3)">click</a>

                [md link](javascript:alert(4)) [ok](https://example.org) [quiz](/quizzes/autoencoders-pre)

                <iframe src="https://evil.example"></iframe><svg onload="alert(5)"></svg>
                <div style="background:url(javascript:alert(6))" onclick="alert(7)">text</div>

                ![pic](data:text/html;base64,PHNjcmlwdD4=)

                <a href="JaVaScRiPt:alert(8)">x</a> <a href="&#106;avascript:alert(9)">y</a>
                """);
        String html = html(lesson).toLowerCase(java.util.Locale.ROOT);
        assertThat(html).doesNotContain("<script").doesNotContain("onerror").doesNotContain("onload")
                .doesNotContain("onclick").doesNotContain("javascript:").doesNotContain("<iframe")
                .doesNotContain("style=").doesNotContain("data:text");
        assertThat(html).contains("href=\"https://example.org\" target=\"_blank\" rel=\"noopener noreferrer\"")
                .contains("href=\"/quizzes/autoencoders-pre\"");
    }

    @Test
    void placeholderCharactersInTheSourceCannotForgeDirectives() {
        RenderedLesson lesson = renderer.render("\uE002D0\uE003\n\nplain");
        assertThat(lesson.blocks()).hasSize(1);
        assertThat(html(lesson)).contains("D0").contains("plain");
    }

    @Test
    void tablesRender() {
        RenderedLesson lesson = renderer.render("""
                | Model | Latent |
                |---|---:|
                | Conv AE | 128 |
                """);
        assertThat(html(lesson)).contains("<table class=\"ll-table\">").contains("<td align=\"right\">128</td>");
    }

    @Test
    void ourLessonHasEverySectionTheIssueAsksForInEveryLanguage() {
        LessonCatalog catalog = new LessonCatalog(renderer, null);
        for (org.latentlab.base.Language language : org.latentlab.base.Language.values()) {
            LessonCatalog.LessonText text = catalog.text(LessonCatalog.AUTOENCODERS, language).orElseThrow();
            assertThat(text.fallback()).as(language.name()).isFalse();
            RenderedLesson lesson = renderer.render(text.markdown());
            List<String> ids = lesson.sections().stream().map(Section::id).toList();
            assertThat(ids).as(language.name()).contains("why-self-supervised", "encoder-decoder", "uses",
                    "denoising", "super-resolution", "vae", "vae-loss", "latent-space", "properties", "music",
                    "lab-exercises", "assignment", "summary", "further-reading");
            assertThat(lesson.blocks()).as(language.name()).contains(new Directive("widget", "reconstruct"),
                    new Directive("widget", "denoise"), new Directive("widget", "latent-walk"),
                    new Directive("lab", "conv-vae"));
            assertThat(html(lesson)).as(language.name()).contains("ll-math-display");
        }
    }

    @Test
    void boxesAndFoldOutsKeepTheirMarkdownAndFormulas() {
        RenderedLesson lesson = renderer.render("""
                Before.

                <aside>

                **A box** with $p(z)$ inside.

                $$
                \\log p(x) \\ge \\text{ELBO}
                $$

                <details>
                <summary>Derivation</summary>

                Step one, $q(z \\mid x)$.

                </details>

                </aside>

                After.
                """);
        assertThat(lesson.blocks()).hasSize(1);
        String html = html(lesson);
        assertThat(html).contains("<aside class=\"ll-box\">", "<strong>A box</strong>",
                "<details class=\"ll-fold\">", "<summary>Derivation</summary>",
                "<span class=\"ll-math\" dir=\"ltr\" data-tex=\"p(z)\">",
                "<div class=\"ll-math-display\" dir=\"ltr\" data-tex=\"\\log p(x) \\ge \\text{ELBO}\">")
                .doesNotContain("\uE002", "\uE000");
        assertThat(html.indexOf("ll-math-display")).isBetween(html.indexOf("<aside"), html.indexOf("</aside>"));
    }
}
