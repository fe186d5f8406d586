package org.latentlab.challenge.ui;

import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import org.latentlab.challenge.Ballot;
import org.latentlab.challenge.LeaderboardEntry;
import org.latentlab.challenge.RuleResult;
import org.latentlab.challenge.Submission;
import org.latentlab.music.ui.MelodyView;

/**
 * How the history, the ballot and the leaderboard show an entry: a submission with its score and rules, a ballot
 * card, a leaderboard row. Only the answer itself depends on the kind of challenge, so the page chooses an
 * implementation once: {@link ImageEntryRenderer} shows the pictures the answer's codes decode to,
 * {@link MusicEntryRenderer} a button that plays its melodies in the panel's player.
 */
abstract sealed class EntryRenderer permits ImageEntryRenderer, MusicEntryRenderer {

    /** The page, for its translations. */
    protected final Component page;

    EntryRenderer(Component page) {
        this.page = page;
    }

    /** The answer on a ballot card, described by {@code label} ("Answer 3"). */
    abstract Component ballotAnswer(Ballot.Entry entry, String label, MelodyView player);

    /** The answer in a leaderboard row, in the row's box of pictures. */
    abstract List<Component> leaderboardAnswer(Submission counted, MelodyView player);

    /** One of the student's own submissions: when, its score, and each rule met or missed. */
    ListItem historyEntry(Submission submission) {
        UnorderedList rules = new UnorderedList();
        for (RuleResult rule : submission.rules()) {
            ListItem line = new ListItem(ChallengeTexts.rule(page, rule));
            line.addClassName(rule.met() ? "ll-rule-met" : "ll-rule-missed");
            rules.add(line);
        }
        return new ListItem(new Span(page.getTranslation("challenge.historyLine",
                ChallengeTexts.when(submission.submittedAt()), ChallengeTexts.score(submission.score()))), rules);
    }

    /**
     * A counted answer on the ballot: its number (and its author's name once the tally is shown), the answer, and
     * its votes; marked when it has the viewer's vote. The ballot adds what the viewer may do with it.
     */
    Div ballotCard(Ballot ballot, Ballot.Entry entry, MelodyView player) {
        String label = page.getTranslation("challenge.vote.entry", entry.number());
        Div card = new Div();
        card.addClassName("ll-ballot-entry");
        card.setId("challenge-ballot-" + entry.number());
        Span title = new Span(ballot.tallyShown() ? label + " · " + entry.studentName() : label);
        title.addClassName("ll-ballot-title");
        card.add(title, ballotAnswer(entry, label, player));
        if (ballot.tallyShown()) {
            Span votes = new Span(votes(entry.votes()));
            votes.addClassName("ll-leaderboard-votes");
            card.add(votes);
        }
        if (ballot.myVote().filter(v -> v == entry.submissionId()).isPresent()) {
            card.addClassName("ll-ballot-chosen");
        }
        return card;
    }

    /**
     * A line of the leaderboard: rank, name, score, the answer, how many submissions; with a class vote also its
     * votes, and a badge for the class's favourite.
     */
    Div leaderboardRow(LeaderboardEntry entry, boolean classVote, int mostVotes, MelodyView player) {
        Submission counted = entry.counted();
        Div answer = new Div();
        answer.addClassName("ll-leaderboard-images");
        leaderboardAnswer(counted, player).forEach(answer::add);
        Span rank = new Span(Integer.toString(entry.rank()));
        rank.addClassName("ll-rank");
        Span name = new Span(counted.studentName());
        name.addClassName("ll-leaderboard-name");
        Span score = new Span(ChallengeTexts.score(counted.score()));
        score.addClassName("ll-leaderboard-score");
        Span count = new Span(page.getTranslation("challenge.submissionCount", entry.submissions()));
        count.addClassName("ll-field-note");
        Div row = new Div(rank, name, score, answer, count);
        if (classVote) {
            Div votes = new Div(new Span(votes(entry.votes())));
            votes.addClassName("ll-leaderboard-votes");
            if (entry.votes() > 0 && entry.votes() == mostVotes) {
                Span favourite = new Span(page.getTranslation("challenge.vote.favourite"));
                favourite.addClassName("ll-badge");
                votes.add(favourite);
            }
            row.add(votes);
            row.addClassName("ll-leaderboard-voted");
        }
        row.addClassName("ll-leaderboard-row");
        return row;
    }

    private String votes(int count) {
        return page.getTranslation("challenge.vote.count", count);
    }
}
