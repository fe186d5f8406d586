package org.latentlab.lesson.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LinkRewriterTest {

    private final LinkRewriter rewriter = new LinkRewriter(Map.of(17, "autoencoders-pre", 18, "autoencoders-post"),
            LinkRewriter.DEFAULT_NOTEBOOK_BASE);

    @Test
    void mapsQuizLinksInTheNewerStyle() {
        LinkRewriter.Result result = rewriter.rewrite("## [Quiz before](https://ff-quizzes.netlify.app/en/ai/quiz/17)");

        assertThat(result.text()).isEqualTo("## [Quiz before](/quizzes/autoencoders-pre)");
        assertThat(result.messages()).extracting(ImportMessage::key, ImportMessage::line, ImportMessage::args)
                .containsExactly(tuple("lesson.import.quizLinked", 1, java.util.List.of(17, "autoencoders-pre")));
    }

    @Test
    void mapsQuizLinksInTheOlderStyleOnAnyHost() {
        String text = """
                [After](https://red-field-0a6ddfd03.1.azurestaticapps.net/quiz/18)
                [Again](https://quizzes.example.org/quiz/18/ "Quiz")
                [Other language](https://ff-quizzes.netlify.app/pt-BR/ai/quiz/17?x=1)""";

        LinkRewriter.Result result = rewriter.rewrite(text);

        assertThat(result.text()).isEqualTo("""
                [After](/quizzes/autoencoders-post)
                [Again](/quizzes/autoencoders-post "Quiz")
                [Other language](/quizzes/autoencoders-pre)""");
        assertThat(result.messages()).extracting(ImportMessage::line).containsExactly(1, 2, 3);
    }

    @Test
    void keepsAndReportsUnmappedQuizzes() {
        String link = "## [Quiz](https://ff-quizzes.netlify.app/en/ai/quiz/16)";

        LinkRewriter.Result result = rewriter.rewrite("# Title\n\n" + link);

        assertThat(result.text()).endsWith(link);
        assertThat(result.messages()).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("lesson.import.quizUnmapped");
            assertThat(m.severity()).isEqualTo(Severity.WARNING);
            assertThat(m.line()).isEqualTo(3);
            assertThat(m.args()).containsExactly(16, "https://ff-quizzes.netlify.app/en/ai/quiz/16");
        });
    }

    @Test
    void mapsQuizLinksInHtmlAnchors() {
        assertThat(rewriter.rewrite("<a href=\"https://x.net/quiz/17\">Quiz</a>").text())
                .isEqualTo("<a href=\"/quizzes/autoencoders-pre\">Quiz</a>");
    }

    @Test
    void replacesAnImageOnItsOwnLineByABlockPlaceholder() {
        LinkRewriter.Result result = rewriter.rewrite("Before.\n![The diagram](../../images/diagram.png)\nAfter.");

        assertThat(result.text()).isEqualTo("Before.\n\n> [image not available: The diagram]\n\nAfter.");
        assertThat(result.messages()).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("lesson.import.imageMissing");
            assertThat(m.severity()).isEqualTo(Severity.WARNING);
            assertThat(m.line()).isEqualTo(2);
            assertThat(m.english())
                    .isEqualTo("The image ../../images/diagram.png is not available; a placeholder is shown instead.");
        });
    }

    @Test
    void replacesAnInlineImageByAnInlinePlaceholder() {
        assertThat(rewriter.rewrite("See ![icon](img/icon.svg) here.").text())
                .isEqualTo("See [image not available: icon] here.");
    }

    @Test
    void replacesHtmlImagesAndNamesTheFileWhenThereIsNoAltText() {
        String text = """
                 <img src="../../images/vae.abc123.webp" width="50%">

                <img alt="Latent [space]" src='pics/latent.png'/>\s""";

        LinkRewriter.Result result = rewriter.rewrite(text);

        assertThat(result.text()).isEqualTo("""
                 > [image not available: vae.abc123.webp]

                > [image not available: Latent (space)]""");
        assertThat(result.messages()).extracting(ImportMessage::line).containsExactly(1, 3);
    }

    @Test
    void keepsAbsoluteImages() {
        String text = "![Logo](https://example.org/logo.png)\n<img src=\"https://example.org/x.png\">";

        assertThat(rewriter.rewrite(text).text()).isEqualTo(text);
        assertThat(rewriter.rewrite(text).messages()).isEmpty();
    }

    @Test
    void pointsRelativeNotebookLinksToGitHub() {
        LinkRewriter.Result result = rewriter.rewrite("[TensorFlow](AutoencodersTF.ipynb) and [PyTorch](./nb/AutoEncodersPyTorch.ipynb#train)");

        assertThat(result.text()).isEqualTo("[TensorFlow](" + LinkRewriter.DEFAULT_NOTEBOOK_BASE
                + "AutoencodersTF.ipynb) and [PyTorch](" + LinkRewriter.DEFAULT_NOTEBOOK_BASE
                + "AutoEncodersPyTorch.ipynb#train)");
        assertThat(result.messages()).extracting(ImportMessage::key).containsOnly("lesson.import.notebookLinked");
        assertThat(result.messages().getFirst().args()).containsExactly("AutoencodersTF.ipynb",
                LinkRewriter.DEFAULT_NOTEBOOK_BASE + "AutoencodersTF.ipynb");
    }

    @Test
    void usesTheConfiguredNotebookBase() {
        LinkRewriter other = new LinkRewriter(Map.of(), "https://github.com/acme/lessons/blob/main/nb");

        assertThat(other.rewrite("[nb](Lab.ipynb)").text())
                .isEqualTo("[nb](https://github.com/acme/lessons/blob/main/nb/Lab.ipynb)");
    }

    @Test
    void keepsAbsoluteNotebookLinks() {
        String text = "[Colab](https://colab.research.google.com/github/acme/demo/blob/master/Demo.ipynb)";

        assertThat(rewriter.rewrite(text).text()).isEqualTo(text);
    }

    @Test
    void dropsOtherRelativeLinksButKeepsTheirText() {
        LinkRewriter.Result result = rewriter.rewrite(
                "Read [the previous lesson](../08/README.md) and <a href=\"../x/notes.md\">the notes</a>.");

        assertThat(result.text()).isEqualTo("Read the previous lesson and the notes.");
        assertThat(result.messages()).extracting(ImportMessage::key, ImportMessage::args).containsExactly(
                tuple("lesson.import.relativeLinkRemoved", java.util.List.of("the previous lesson", "../08/README.md")),
                tuple("lesson.import.relativeLinkRemoved", java.util.List.of("the notes", "../x/notes.md")));
    }

    @Test
    void keepsAbsoluteLinksAnchorsAndLinksWithParentheses() {
        String text = "[Wiki](https://en.wikipedia.org/wiki/Foo_(bar)), [up](#top), [mail](mailto:a@b.org)";

        assertThat(rewriter.rewrite(text).text()).isEqualTo(text);
        assertThat(rewriter.rewrite(text).messages()).isEmpty();
    }

    @Test
    void replacesAnImageInsideALink() {
        assertThat(rewriter.rewrite("[![badge](img/badge.svg)](https://example.org)").text())
                .isEqualTo("[[image not available: badge]](https://example.org)");
    }

    @Test
    void leavesCodeAlone() {
        String text = """
                ```markdown
                ![diagram](img/d.png) and [lesson](../x.md)
                ```
                Inline `[lesson](../x.md)` code.""";

        assertThat(rewriter.rewrite(text).text()).isEqualTo(text);
        assertThat(rewriter.rewrite(text).messages()).isEmpty();
    }
}
