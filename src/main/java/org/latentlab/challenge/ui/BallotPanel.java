package org.latentlab.challenge.ui;

import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.latentlab.base.InvalidInputException;
import org.latentlab.challenge.Ballot;
import org.latentlab.challenge.Challenge;
import org.latentlab.challenge.ChallengeState;
import org.latentlab.challenge.ChallengeVotes;
import org.latentlab.music.ui.MelodyView;

/**
 * The class vote, when the challenge has one: before the close a note on what is coming; from the close to the
 * reveal, the class's answers without names, each with a vote button (none on one's own) for students and the
 * running tally for the teacher; after the reveal, who the class liked best.
 */
final class BallotPanel extends Div {

    private final ChallengeVotes votes;
    private final EntryRenderer entries;
    private final boolean manager;
    private final Runnable voted;
    private final MelodyView player = new MelodyView();

    /** @param voted called after the viewer's vote is taken (the page reads the challenge again) */
    BallotPanel(ChallengeVotes votes, EntryRenderer entries, boolean manager, Runnable voted) {
        this.votes = votes;
        this.entries = entries;
        this.manager = manager;
        this.voted = voted;
        setId("challenge-vote");
        player.setId("challenge-vote-melody");
        // Hidden until a Listen button fills it; a live refresh keeps it as it is.
        player.setVisible(false);
    }

    void show(Challenge challenge) {
        removeAll();
        setVisible(challenge.classVote());
        if (!challenge.classVote()) {
            return;
        }
        addClassName("ll-class-vote");
        add(new H2(getTranslation("challenge.vote.title")));
        if (challenge.state() != ChallengeState.CLOSED && !challenge.revealed()) {
            add(new Paragraph(getTranslation(manager ? "challenge.vote.comingTeacher" : "challenge.vote.coming")));
            return;
        }
        Ballot ballot = votes.ballot(challenge.id());
        if (ballot.entries().isEmpty()) {
            add(new Paragraph(getTranslation("challenge.boardEmpty")));
            return;
        }
        Paragraph status = new Paragraph(status(ballot));
        status.setId("challenge-vote-status");
        add(status);
        Div cards = new Div();
        cards.addClassName("ll-ballot");
        for (Ballot.Entry entry : ballot.entries()) {
            cards.add(card(challenge, ballot, entry));
        }
        add(cards, player);
    }

    private String status(Ballot ballot) {
        if (!ballot.open()) {
            return getTranslation("challenge.vote.closed", ballot.votesCast());
        }
        if (manager) {
            return getTranslation("challenge.vote.openTeacher", ballot.votesCast());
        }
        Optional<Ballot.Entry> mine = ballot.myVote().flatMap(voted -> ballot.entries().stream()
                .filter(e -> e.submissionId() == voted).findFirst());
        return getTranslation("challenge.vote.open") + " " + mine.map(e -> getTranslation("challenge.vote.yours",
                e.number())).orElse(getTranslation("challenge.vote.notVoted"));
    }

    /** An answer's card, with what the viewer may do: nothing on their own answer, vote for another while open. */
    private Div card(Challenge challenge, Ballot ballot, Ballot.Entry entry) {
        Div card = entries.ballotCard(ballot, entry, player);
        boolean chosen = ballot.myVote().filter(v -> v == entry.submissionId()).isPresent();
        if (entry.mine()) {
            Span own = new Span(getTranslation("challenge.vote.ownEntry"));
            own.addClassName("ll-field-note");
            card.add(own);
        } else if (ballot.open() && !manager) {
            Button choose = new Button(getTranslation(chosen ? "challenge.vote.chosen" : "challenge.vote.for",
                    entry.number()), e -> vote(challenge, entry));
            choose.setId("challenge-vote-for-" + entry.number());
            choose.setEnabled(!chosen);
            if (!chosen) {
                choose.addThemeVariants(ButtonVariant.PRIMARY);
            }
            card.add(choose);
        }
        return card;
    }

    private void vote(Challenge challenge, Ballot.Entry entry) {
        try {
            votes.vote(challenge.id(), entry.submissionId());
        } catch (InvalidInputException refused) {
            add(new Paragraph(getTranslation(refused.messageKey(), refused.arguments())));
            return;
        }
        voted.run();
    }
}
