package org.latentlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.internal.NavigationRouteTarget;

import org.junit.jupiter.api.Test;
import org.latentlab.base.ui.AccountPages;
import org.latentlab.base.ui.HomeView;
import org.latentlab.base.ui.RouteLocation;
import org.latentlab.classroom.ClassPage;
import org.latentlab.classroom.ui.LoginView;
import org.latentlab.classroom.ui.RegisterView;
import org.latentlab.lesson.LessonRoutes;
import org.latentlab.lesson.ui.ClassProgressView;
import org.latentlab.lesson.ui.LessonView;
import org.latentlab.lesson.ui.LessonsView;
import org.latentlab.playground.PlaygroundRoutes;
import org.latentlab.playground.ui.PlaygroundView;
import org.latentlab.quiz.LessonSections;
import org.latentlab.quiz.QuizRoutes;
import org.latentlab.quiz.ui.AttemptResultView;
import org.latentlab.quiz.ui.ItemAnalysisView;
import org.latentlab.quiz.ui.PrintableResultsView;
import org.latentlab.quiz.ui.QuizView;
import org.latentlab.quiz.ui.QuizzesView;
import org.latentlab.quiz.ui.ResultsView;
import org.latentlab.test.ApplicationTest;
import org.latentlab.lab.LabRoutes;
import org.latentlab.lab.PlaygroundLink;
import org.latentlab.lab.ui.DesignView;
import org.latentlab.lab.ui.LabView;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every typed link one module gives the others leads, through the routes the app actually registers, to the page it
 * names with the parameters that page reads: a renamed route or parameter fails here, not in a classroom.
 */
@ApplicationTest
class FeatureLinksTest extends SpringBrowserlessTest {

    @Autowired
    LessonSections lessonSections;
    @Autowired
    PlaygroundLink playgroundLink;
    @Autowired
    List<ClassPage> classPages;
    @Autowired
    AccountPages accountPages;

    @Test
    void theQuizLinksLeadToTheQuizPages() {
        assertLeadsTo(QuizRoutes.quizzes(), QuizzesView.class, Map.of(), Map.of());
        assertLeadsTo(QuizRoutes.quiz("vae-pre"), QuizView.class, Map.of("quizId", "vae-pre"), Map.of());
        assertLeadsTo(QuizRoutes.attempt(42), AttemptResultView.class, Map.of("attemptId", "42"), Map.of());
        assertLeadsTo(QuizRoutes.results(), ResultsView.class, Map.of(), Map.of());
        assertLeadsTo(QuizRoutes.printableResults(7), PrintableResultsView.class, Map.of("classId", "7"), Map.of());
    }

    @Test
    void theLessonLinksLeadToTheLessonPages() {
        assertLeadsTo(LessonRoutes.lessons(), LessonsView.class, Map.of(), Map.of());
        assertLeadsTo(LessonRoutes.classProgress(), ClassProgressView.class, Map.of(), Map.of());
        assertLeadsTo(LessonRoutes.lesson("autoencoders"), LessonView.class, Map.of("lessonId", "autoencoders"),
                Map.of());
        assertLeadsTo(LessonRoutes.section("autoencoders", "latent-space"), LessonView.class,
                Map.of("lessonId", "autoencoders"), Map.of("section", "latent-space"));
        assertLeadsTo(lessonSections.location("autoencoders", "latent-space"), LessonView.class,
                Map.of("lessonId", "autoencoders"), Map.of("section", "latent-space"));
    }

    @Test
    void theLabLinksLeadToTheLabPages() {
        assertLeadsTo(LabRoutes.experiment("conv-vae"), LabView.class, Map.of(), Map.of("experiment", "conv-vae"));
        assertLeadsTo(LabRoutes.design("conv-vae"), DesignView.class, Map.of(), Map.of("experiment", "conv-vae"));
    }

    @Test
    void aRunOpensInThePlayground() {
        UUID run = UUID.randomUUID();
        assertLeadsTo(PlaygroundRoutes.run(run), PlaygroundView.class, Map.of(), Map.of("run", run.toString()));
        assertLeadsTo(playgroundLink.forRun(run), PlaygroundView.class, Map.of(), Map.of("run", run.toString()));
    }

    @Test
    void theClassPageLeadsToProgressThenResults() {
        List<String> locations = classPages.stream().sorted(java.util.Comparator.comparingInt(ClassPage::order))
                .map(ClassPage::location).toList();
        assertThat(locations).containsExactly(LessonRoutes.classProgress(), QuizRoutes.results());
    }

    @Test
    void theOldAddressesOfResultsAndProgressStillOpenTheirPages() {
        assertLeadsTo("results", ResultsView.class, Map.of(), Map.of());
        assertLeadsTo("results/analysis", ItemAnalysisView.class, Map.of(), Map.of());
        assertLeadsTo("results/print/7", PrintableResultsView.class, Map.of("classId", "7"), Map.of());
        assertLeadsTo("progress", ClassProgressView.class, Map.of(), Map.of());
    }

    @Test
    void theShellLeadsHomeAndToSignInAndRegistration() {
        assertLeadsTo(RouteLocation.of(HomeView.class), HomeView.class, Map.of(), Map.of());
        assertLeadsTo(accountPages.signIn(), LoginView.class, Map.of(), Map.of());
        assertLeadsTo(accountPages.register(), RegisterView.class, Map.of(), Map.of());
    }

    private static void assertLeadsTo(String link, Class<? extends Component> view, Map<String, String> parameters,
            Map<String, String> query) {
        Location location = new Location(link);
        NavigationRouteTarget target = RouteConfiguration.forApplicationScope().getHandledRegistry()
                .getNavigationRouteTarget(location.getPath());
        assertThat(target.hasTarget()).as(link).isTrue();
        assertThat(target.getRouteTarget().getTarget()).as(link).isEqualTo(view);
        Map<String, String> read = new java.util.HashMap<>();
        target.getRouteParameters().getParameterNames()
                .forEach(name -> read.put(name, target.getRouteParameters().get(name).orElseThrow()));
        assertThat(read).as(link).isEqualTo(parameters);
        Map<String, List<String>> expectedQuery = new java.util.HashMap<>();
        query.forEach((name, value) -> expectedQuery.put(name, List.of(value)));
        assertThat(location.getQueryParameters().getParameters()).as(link).isEqualTo(expectedQuery);
    }
}
