package org.latentlab.lesson.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import org.latentlab.base.Language;
import org.latentlab.lesson.ArchitectureDiagrams;
import org.latentlab.lesson.LessonCatalog;
import org.latentlab.lesson.LessonCatalog.LessonText;
import org.latentlab.ml.HeldOutDigits;
import org.latentlab.lesson.LessonFigures;
import org.latentlab.lesson.LessonProgress;
import org.latentlab.lesson.LessonProgressService;
import org.latentlab.lesson.LessonRenderer;
import org.latentlab.lesson.LessonRenderer.RenderedLesson;
import org.latentlab.lesson.ProgressItem;
import org.latentlab.ml.DeepLearningEngine;
import org.latentlab.ml.ModelKind;
import org.latentlab.ml.ShippedModels;
import org.latentlab.widgets.WarmingUp;
import org.latentlab.quiz.QuizRoutes;
import org.latentlab.lab.LabRoutes;

/**
 * One lesson, in the reader's language (English, with a notice, where a translation is missing): the pre-quiz at
 * the top, the text with its live widgets and figures, the post-quiz and the assignment at the end, and the
 * contents beside it showing which sections the student has reached.
 */
@Route("lessons/:lessonId")
@AnonymousAllowed
public class LessonView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** Experiments the Lab offers; a lesson's {@code ::: lab <name>} must name one of them. */
    static final List<String> EXPERIMENTS = List.of("dense-ae", "conv-ae", "denoising-ae", "super-resolution-ae",
            "vae-2d", "vae", "conv-vae");

    private final LessonCatalog catalog;
    private final LessonProgressService progress;
    private final HeldOutDigits digits;
    private final LessonFigures figures;
    private final ShippedModels models;
    private final DeepLearningEngine engine;
    private String title = "";

    LessonView(LessonCatalog catalog, LessonProgressService progress, HeldOutDigits digits, LessonFigures figures,
            ShippedModels models, DeepLearningEngine engine) {
        this.catalog = catalog;
        this.progress = progress;
        this.digits = digits;
        this.figures = figures;
        this.models = models;
        this.engine = engine;
        addClassNames("ll-page", "ll-lesson-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String lessonId = event.getRouteParameters().get("lessonId").orElse("");
        Language language = Language.fromLocale(getLocale());
        Optional<LessonText> text = catalog.text(lessonId, language);
        if (text.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        String section = event.getLocation().getQueryParameters().getSingleParameter("section").orElse("");
        build(text.get(), section);
    }

    private void build(LessonText text, String section) {
        removeAll();
        RenderedLesson lesson = catalog.rendered(text);
        LessonProgress mine = progress.myProgress(text.lessonId());
        title = lesson.title() == null ? text.title() : lesson.title();

        LessonArticle article = new LessonArticle(id -> progress.recordForCurrentUser(text.lessonId(),
                ProgressItem.section(id)));
        if (text.fallback()) {
            // The text in its own language and direction (English inside a Hebrew page reads left to right, an
            // Arabic lesson inside an English page right to left); the page around it stays in the reader's.
            article.getElement().setAttribute("lang", text.content().tag());
            article.getElement().setAttribute("dir", text.content().direction());
            Paragraph notice = new Paragraph(getTranslation("lesson.fallback",
                    text.wanted().nativeName(), text.content().nativeName()));
            notice.addClassName("ll-notice");
            notice.setId("lesson-fallback");
            add(notice);
        }
        H1 heading = new H1(title);
        heading.addClassName("ll-page-title");
        heading.setId("lesson-title");
        article.add(heading);
        if (text.builtIn()) {
            article.add(quizCard("pre", LessonCatalog.preQuizId(text.lessonId()), mine.preQuizDone()));
        }
        for (LessonRenderer.Block block : lesson.blocks()) {
            article.add(switch (block) {
                case LessonRenderer.HtmlBlock html -> new Html("<div class=\"ll-lesson-text\">" + html.html() + "</div>");
                case LessonRenderer.Directive directive -> directive(text.lessonId(), directive);
            });
        }
        if (text.builtIn()) {
            article.add(quizCard("post", LessonCatalog.postQuizId(text.lessonId()), mine.postQuizDone()));
        }

        Div layout = new Div(contents(lesson, mine), article);
        layout.addClassName("ll-lesson-layout");
        add(layout);
        article.start(section);
    }

    private Nav contents(RenderedLesson lesson, LessonProgress mine) {
        Nav nav = new Nav();
        nav.addClassName("ll-lesson-contents");
        nav.getElement().setAttribute("aria-label", getTranslation("lesson.contents"));
        H2 heading = new H2(getTranslation("lesson.contents"));
        UnorderedList list = new UnorderedList();
        for (LessonRenderer.Section section : lesson.sections()) {
            if (section.level() != 2) {
                continue;
            }
            Anchor link = new Anchor("#" + section.id(), section.title());
            // Scroll inside the page; the router would otherwise treat the fragment as a navigation.
            link.getElement().setAttribute("router-ignore", true);
            ListItem item = new ListItem(link);
            if (mine.sectionsReached().contains(section.id())) {
                item.addClassName("ll-reached");
                item.getElement().setAttribute("title", getTranslation("lesson.reached"));
            }
            list.add(item);
        }
        nav.add(heading, list);
        if (mine.started()) {
            Paragraph summary = new Paragraph(getTranslation("lesson.progress.summary",
                    mine.sectionsReached().size(), mine.sectionCount(), mine.widgetsUsed().size(),
                    LessonProgress.WIDGET_COUNT));
            summary.addClassName("ll-muted");
            summary.setId("lesson-progress-summary");
            nav.add(summary);
        }
        return nav;
    }

    private Div quizCard(String which, String quizId, boolean done) {
        Div card = new Div();
        card.addClassNames("ll-quiz-card", "ll-quiz-" + which);
        card.add(VaadinIcon.CLIPBOARD_CHECK.create());
        Span text = new Span(getTranslation("lesson.quiz." + which + ".text"));
        Anchor link = new Anchor(QuizRoutes.quiz(quizId), getTranslation("lesson.quiz." + which + ".link"));
        link.setId("quiz-link-" + which);
        card.add(text, link);
        if (done) {
            Span doneBadge = new Span(getTranslation("lesson.quiz.done"));
            doneBadge.addClassName("ll-badge");
            card.add(doneBadge);
        }
        return card;
    }

    private Component directive(String lessonId, LessonRenderer.Directive directive) {
        Runnable used = () -> progress.recordForCurrentUser(lessonId, ProgressItem.widget(directive.name()));
        // Widgets and figures need the models: while they load after a start, a stand-in takes their place.
        return switch (directive.kind()) {
            case "widget" -> switch (directive.name()) {
                case "reconstruct" -> WarmingUp.orPart(engine,
                        () -> new ReconstructWidget(digits, models.get(ModelKind.CONV_AE), used));
                case "denoise" -> WarmingUp.orPart(engine,
                        () -> new DenoiseWidget(digits, models.get(ModelKind.DENOISING_AE), used));
                case "latent-walk" -> WarmingUp.orPart(engine, () -> new LatentWalkWidget(
                        models.get(ModelKind.VAE_2D), figures.figure("manifold"), used));
                case "anomaly" -> WarmingUp.orPart(engine,
                        () -> new AnomalyWidget(digits, models.get(LessonFigures.ANOMALY_MODEL), figures, used));
                default -> unknown(directive);
            };
            // The architecture drawings need no model: they are drawn at once, labelled in the reader's language.
            case "figure" -> ArchitectureDiagrams.NAMES.contains(directive.name()) ? diagram(directive.name())
                    : WarmingUp.orPart(engine, () -> figure(directive.name()));
            case "lab" -> EXPERIMENTS.contains(directive.name()) ? labLink(directive.name()) : unknown(directive);
            default -> unknown(directive);
        };
    }

    private Component figure(String name) {
        Optional<String> url = figures.figure(name);
        if (url.isEmpty()) {
            Paragraph missing = new Paragraph(getTranslation("lesson.widget.modelMissing"));
            missing.addClassName("ll-notice");
            return missing;
        }
        Div figure = new Div();
        figure.getElement().setAttribute("role", "figure");
        figure.addClassNames("ll-figure", "ll-figure-" + name);
        Image image = new Image(url.get(), getTranslation("lesson.figure." + name));
        Paragraph caption = new Paragraph(getTranslation("lesson.figure." + name));
        caption.addClassName("ll-figure-caption");
        figure.add(image, caption);
        return figure;
    }

    private Component diagram(String name) {
        Div figure = new Div();
        figure.getElement().setAttribute("role", "figure");
        figure.addClassNames("ll-figure", "ll-figure-diagram", "ll-figure-" + name);
        String description = getTranslation("lesson.figure." + name);
        Image image = new Image(ArchitectureDiagrams.dataUrl(name, this::getTranslation), description);
        Paragraph caption = new Paragraph(description);
        caption.addClassName("ll-figure-caption");
        figure.add(image, caption);
        return figure;
    }

    private Component labLink(String experiment) {
        Anchor link = new Anchor(LabRoutes.experiment(experiment), "");
        link.addClassName("ll-lab-link");
        link.getElement().setAttribute("data-experiment", experiment);
        link.add(VaadinIcon.FLASK.create(), new Span(getTranslation("lesson.lab.start",
                getTranslation("experiment." + experiment))));
        Div box = new Div(link);
        box.addClassName("ll-lab-box");
        return box;
    }

    private Component unknown(LessonRenderer.Directive directive) {
        Paragraph notice = new Paragraph(getTranslation("lesson.directive.unknown",
                directive.kind() + " " + directive.name()));
        notice.addClassName("ll-notice");
        return notice;
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
