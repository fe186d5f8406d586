package org.latentlab.challenge.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import org.latentlab.base.InvalidInputException;
import org.latentlab.challenge.Challenge;
import org.latentlab.challenge.ChallengeKind;
import org.latentlab.challenge.ChallengeSubmissions;
import org.latentlab.challenge.Scored;
import org.latentlab.ml.DigitImages;
import org.latentlab.ml.Interpolation;
import org.latentlab.ml.LoadedModel;
import org.latentlab.playground.LatentSpace;
import org.latentlab.playground.ui.LatentMap;

/**
 * The workbench of an image challenge: each click on the challenge model's latent map picks a code; the picks show
 * as a line on the map and as the pictures they decode to, each with what the judge reads in it. A morph can fill
 * the path between its first and last pick, a repair can start from the damaged digit's own code.
 */
final class ImageWorkbench extends Workbench {

    private final LatentSpace space;
    private final LatentMap map;

    ImageWorkbench(Challenge challenge, LatentSpace space, ChallengeSubmissions submissions, Runnable submitted) {
        super(challenge, submissions, submitted);
        this.space = space;
        map = new LatentMap(space.plane().projected());
        map.setId("challenge-map");
        map.setModel(space.modelId());
        // A click beyond the model's limits (far out on a zoomed-out map) picks the nearest allowed point.
        map.addPickListener((x, y) -> pick(space.decodeAt(x, y).code()));
        Button undo = picks.removeLastButton();
        undo.setId("challenge-undo");
        Button clear = picks.clearButton();
        clear.setId("challenge-clear");
        HorizontalLayout buttons = new HorizontalLayout(undo, clear);
        buttons.setWrap(true);
        if (challenge.kind() == ChallengeKind.MORPH) {
            Button fill = new Button(getTranslation("challenge.fillPath"), e -> fillPath());
            fill.setId("challenge-fill");
            buttons.add(fill);
        }
        if (challenge.kind() == ChallengeKind.REPAIR) {
            Button start = new Button(getTranslation("challenge.fromDamaged"), e -> startFromDamaged());
            start.setId("challenge-from-damaged");
            buttons.add(start);
        }
        buttons.add(picks.submitButton());
        Paragraph how = new Paragraph(getTranslation("challenge.howTo", picks.wanted()));
        add(new H2(getTranslation("challenge.workbench")), how, map, buttons, picks.reading(), picks.list());
        showPicks();
    }

    private void pick(float[] code) {
        if (!picks.makeRoom()) {
            return;
        }
        if (!space.withinLimits(code)) {
            picks.say("challenge.vectorInvalid", space.latentSize());
            return;
        }
        picks.add(code);
    }

    /** Fills the picks with a straight path from the first pick to the last, as many steps as the morph needs. */
    private void fillPath() {
        List<float[]> codes = picks.codes();
        if (codes.size() < 2) {
            picks.say("challenge.fillNeedsTwo");
            return;
        }
        picks.replaceAll(space.path(codes.getFirst(), codes.getLast(), picks.wanted(), Interpolation.LINEAR).codes());
    }

    /** A repair's first pick: the code of the damaged digit itself (at half resolution, scaled up first). */
    private void startFromDamaged() {
        picks.replaceAll(List.of());
        float[] damaged = submissions.damagedDigit(challenge.id());
        pick(space.encode(challenge.settings().lowResolution() ? DigitImages.upscaledBicubic(damaged) : damaged));
    }

    @Override
    protected void showPicks() {
        picks.list().removeAll();
        List<double[]> points = picks.codes().stream().map(code -> space.plane().project(code)).toList();
        map.setLines(points.isEmpty() ? List.of() : List.of(new LatentMap.Line(points, "#000000",
                getTranslation("challenge.picks"))));
        picks.enableSubmit();
        if (picks.codes().isEmpty()) {
            picks.say("challenge.pickCount", 0, picks.wanted());
            return;
        }
        try {
            Scored preview = submissions.preview(challenge.id(), picks.codes());
            float[][] readings = submissions.read(preview.images());
            for (int i = 0; i < preview.images().size(); i++) {
                int best = LoadedModel.mostLikely(readings[i]);
                Image image = new Image(DigitImages.dataUrl(preview.images().get(i)),
                        getTranslation("challenge.pickAlt", i + 1, best));
                image.addClassNames("ll-digit", "ll-strip-digit");
                Span says = new Span(getTranslation("challenge.judgeSays", best,
                        String.format(Locale.ROOT, "%.0f", readings[i][best] * 100)));
                Div item = new Div(image, says);
                item.addClassName("ll-pick");
                picks.list().add(item);
            }
            String count = picks.count();
            picks.reading().setText(picks.complete() ? count + " " + picks.expectedScore(preview.score()) : count);
        } catch (InvalidInputException refused) {
            picks.say(refused);
        }
    }
}
