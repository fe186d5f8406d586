package org.latentlab.challenge;

import java.util.List;
import java.util.Optional;

/**
 * A challenge's class vote as one viewer may see it. Every counted answer has a number that is the same on every
 * page; students see answers without names and without the tally until the reveal, and never a vote button on their
 * own answer.
 *
 * @param open       whether votes are taken now ({@link Challenge#votingOpen()})
 * @param entries    the counted answers, in the order of their numbers
 * @param myVote     the submission the viewing student voted for, if any
 * @param votesCast  how many students have voted
 * @param tallyShown whether names and counts are shown (to the teacher, and to everyone after the reveal)
 */
public record Ballot(boolean open, List<Entry> entries, Optional<Long> myVote, int votesCast, boolean tallyShown) {

    /**
     * @param studentName empty unless the tally is shown
     * @param votes       0 unless the tally is shown
     */
    public record Entry(long submissionId, int number, List<float[]> vectors, boolean mine, String studentName,
            int votes) {
    }
}
