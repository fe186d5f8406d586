package org.latentlab.quiz.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import jakarta.annotation.security.RolesAllowed;

import org.latentlab.base.Language;
import org.latentlab.base.Role;
import org.latentlab.quiz.ClassResults;
import org.latentlab.quiz.QuizResultsService;
import org.springframework.security.access.AccessDeniedException;

/** A class's quiz results as a plain table for printing (or saving as PDF from the browser's print dialog). */
@Route("quizzes/results/print/:classId")
// The old address, kept so that bookmarks still open.
@RouteAlias("results/print/:classId")
@RolesAllowed(Role.Names.TEACHER)
public class PrintableResultsView extends Div implements BeforeEnterObserver {

    private final QuizResultsService results;
    private final Clock clock;

    PrintableResultsView(QuizResultsService results, Clock clock) {
        this.results = results;
        this.clock = clock;
        addClassNames("ll-page", "ll-printable");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        ClassResults data;
        try {
            long classId = Long.parseLong(event.getRouteParameters().get("classId").orElse(""));
            data = results.classResults(classId, Language.fromLocale(getLocale()));
        } catch (NumberFormatException | AccessDeniedException | org.latentlab.base.InvalidInputException e) {
            // Not a class of this teacher (or no class at all): the same answer for both.
            event.rerouteToError(NotFoundException.class);
            return;
        }
        Button print = new Button(getTranslation("results.print"), e -> getElement().executeJs("window.print()"));
        print.addClassName("ll-no-print");
        add(new H1(getTranslation("results.title")), new Paragraph(DateTimeFormatter
                .ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale()).withZone(ZoneId.systemDefault())
                .format(clock.instant())), print);
        NativeTable table = new NativeTable();
        table.addClassName("ll-table");
        table.setId("printable-results");
        NativeTableRow head = new NativeTableRow(new NativeTableHeaderCell(getTranslation("progress.student")));
        data.quizzes().forEach(q -> head.add(new NativeTableHeaderCell(q.title())));
        table.add(new NativeTableHeader(head));
        NativeTableBody body = new NativeTableBody();
        for (ClassResults.Row row : data.students()) {
            NativeTableRow line = new NativeTableRow(new NativeTableCell(row.displayName()));
            for (ClassResults.Column column : data.quizzes()) {
                line.add(new NativeTableCell(row.cell(column.quizId())
                        .map(c -> c.counted().map(a -> Math.round(a.percent()) + "% (" + c.attempts() + ")")
                                .orElse(getTranslation("results.inProgress")))
                        .orElse("–")));
            }
            body.add(line);
        }
        table.add(body);
        // On a narrow screen the table scrolls sideways in its own box, which the keyboard can reach and scroll.
        Div scroll = new Div(table);
        scroll.addClassName("ll-table-scroll");
        scroll.getElement().setAttribute("tabindex", "0");
        scroll.getElement().setAttribute("role", "region");
        scroll.getElement().setAttribute("aria-label", getTranslation("results.title"));
        add(scroll);
    }
}
