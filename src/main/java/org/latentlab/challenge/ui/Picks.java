package org.latentlab.challenge.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import org.latentlab.base.InvalidInputException;
import org.latentlab.challenge.Challenge;
import org.latentlab.challenge.ChallengeSubmissions;
import org.latentlab.challenge.Submission;

/**
 * The codes a student has picked for an answer, and what every workbench shows of them: the list of picks, the
 * reading line below it (how many, the score the server would give, or why not) and the submit button. The
 * workbench draws the picks its own way ({@code redraw}) after every change.
 */
final class Picks {

    private final Component workbench;
    private final Challenge challenge;
    private final ChallengeSubmissions submissions;
    private final Runnable redraw;
    private final Runnable submitted;
    private final List<float[]> codes = new ArrayList<>();
    private final Div list = new Div();
    private final Paragraph reading = new Paragraph();
    private final Button submit = new Button();
    private boolean open;

    /**
     * @param redraw    draws the picks after a change
     * @param submitted called after every attempt to submit, taken or refused (the page reads the challenge again)
     */
    Picks(Component workbench, Challenge challenge, ChallengeSubmissions submissions, Runnable redraw,
            Runnable submitted) {
        this.workbench = workbench;
        this.challenge = challenge;
        this.submissions = submissions;
        this.redraw = redraw;
        this.submitted = submitted;
        this.open = challenge.open();
        list.setId("challenge-picks");
        list.addClassName("ll-pick-list");
        reading.setId("challenge-reading");
        submit.setText(workbench.getTranslation("challenge.submit"));
        submit.setId("challenge-submit");
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickListener(e -> submit());
    }

    List<float[]> codes() {
        return Collections.unmodifiableList(codes);
    }

    /** How many codes the challenge's answer needs. */
    int wanted() {
        return challenge.settings().vectorCount();
    }

    boolean complete() {
        return codes.size() == wanted();
    }

    /** Makes room for one more code: a one-code answer gives up its pick; a complete set says so and takes none. */
    boolean makeRoom() {
        if (codes.size() >= wanted()) {
            if (wanted() == 1) {
                codes.clear();
            } else {
                say("challenge.enoughPicks", wanted());
                return false;
            }
        }
        return true;
    }

    void add(float[] code) {
        codes.add(code);
        redraw.run();
    }

    void replaceAll(List<float[]> path) {
        codes.clear();
        codes.addAll(path);
        redraw.run();
    }

    Button removeLastButton() {
        return new Button(workbench.getTranslation("challenge.removeLast"), e -> {
            if (!codes.isEmpty()) {
                codes.removeLast();
                redraw.run();
            }
        });
    }

    Button clearButton() {
        return new Button(workbench.getTranslation("challenge.clear"), e -> replaceAll(List.of()));
    }

    Div list() {
        return list;
    }

    Paragraph reading() {
        return reading;
    }

    Button submitButton() {
        return submit;
    }

    /** The challenge has changed: submitting follows its state. */
    void show(Challenge changed) {
        open = changed.open();
        enableSubmit();
    }

    /** Submitting takes a complete set while the challenge is open. */
    void enableSubmit() {
        submit.setEnabled(open && complete());
    }

    /** "n of m points picked." */
    String count() {
        return workbench.getTranslation("challenge.pickCount", codes.size(), wanted());
    }

    String expectedScore(double score) {
        return workbench.getTranslation("challenge.expectedScore", ChallengeTexts.score(score));
    }

    void say(String key, Object... arguments) {
        reading.setText(workbench.getTranslation(key, arguments));
    }

    void say(InvalidInputException refused) {
        say(refused.messageKey(), refused.arguments());
    }

    private void submit() {
        try {
            Submission submission = submissions.submit(challenge.id(), List.copyOf(codes), challenge.modelVersion());
            say("challenge.submitted", ChallengeTexts.score(submission.score()));
        } catch (InvalidInputException refused) {
            say(refused);
        }
        submitted.run();
    }
}
