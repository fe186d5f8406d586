package org.latentlab.challenge.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

import org.latentlab.challenge.Challenge;
import org.latentlab.challenge.ChallengeLeaderboard;
import org.latentlab.challenge.LeaderboardEntry;
import org.latentlab.music.ui.MelodyView;

/** The leaderboard: live for the teacher, for the students once the results are revealed. */
final class LeaderboardPanel extends Div {

    private final ChallengeLeaderboard leaderboard;
    private final EntryRenderer entries;
    private final boolean manager;
    private final MelodyView player = new MelodyView();

    LeaderboardPanel(ChallengeLeaderboard leaderboard, EntryRenderer entries, boolean manager) {
        this.leaderboard = leaderboard;
        this.entries = entries;
        this.manager = manager;
        setId("challenge-leaderboard");
        player.setId("challenge-board-melody");
        // Hidden until a Listen button fills it; a live refresh keeps it as it is.
        player.setVisible(false);
    }

    void show(Challenge challenge) {
        removeAll();
        add(new H2(getTranslation("challenge.leaderboard")));
        if (!manager && !challenge.revealed()) {
            add(new Paragraph(getTranslation("challenge.boardHidden")));
            return;
        }
        List<LeaderboardEntry> board = leaderboard.leaderboard(challenge.id());
        if (board.isEmpty()) {
            add(new Paragraph(getTranslation("challenge.boardEmpty")));
            return;
        }
        Div rows = new Div();
        rows.addClassName("ll-leaderboard");
        int mostVotes = board.stream().mapToInt(LeaderboardEntry::votes).max().orElse(0);
        for (LeaderboardEntry entry : board) {
            rows.add(entries.leaderboardRow(entry, challenge.classVote(), mostVotes, player));
        }
        add(rows, player);
    }
}
