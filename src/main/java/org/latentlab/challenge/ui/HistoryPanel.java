package org.latentlab.challenge.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

import org.latentlab.challenge.Challenge;
import org.latentlab.challenge.ChallengeSubmissions;
import org.latentlab.challenge.Submission;

/** A student's own submissions to the challenge, newest first, each with its score and rules. */
final class HistoryPanel extends Div {

    private final ChallengeSubmissions submissions;
    private final EntryRenderer entries;

    HistoryPanel(ChallengeSubmissions submissions, EntryRenderer entries) {
        this.submissions = submissions;
        this.entries = entries;
        setId("challenge-history");
    }

    void show(Challenge challenge) {
        removeAll();
        List<Submission> mine = submissions.mine(challenge.id());
        add(new H2(getTranslation("challenge.history")));
        if (mine.isEmpty()) {
            add(new Paragraph(getTranslation("challenge.noSubmissions")));
            return;
        }
        UnorderedList items = new UnorderedList();
        mine.forEach(submission -> items.add(entries.historyEntry(submission)));
        add(items);
    }
}
