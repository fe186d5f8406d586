package org.latentlab.playground.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;

import org.latentlab.base.InvalidInputException;
import org.latentlab.ml.DigitImages;
import org.latentlab.ml.HeldOutDigits;
import org.latentlab.ml.Interpolation;
import org.latentlab.playground.DrawnDigit;
import org.latentlab.playground.LatentPath;
import org.latentlab.playground.LatentSpace;
import org.latentlab.widgets.DigitChooser;
import org.latentlab.widgets.DigitPicture;

/**
 * Paths between two digits (picked from the held-out ones, or drawn): the straight and the spherical path as strips
 * of decoded digits, as lines on the map, and as animations that move along the line.
 */
class PathPanel extends Div {

    private final LatentSpace space;
    private final DecodeBudget budget;
    private final IntegerField steps = new IntegerField();
    private final LatentMap map;
    private final Div strips = new Div();
    private final Paragraph message = new Paragraph();
    private final List<PathPlayer> players = new ArrayList<>();
    private float[] start;
    private float[] end;

    PathPanel(LatentSpace space, HeldOutDigits digits, DecodeBudget budget) {
        this.budget = budget;
        this.space = space;
        addClassName("ll-path-panel");
        map = new LatentMap(space.plane().projected());
        map.setId("path-map");
        map.setModel(space.modelId());
        map.setDecoding(false);
        steps.setLabel(getTranslation("playground.path.steps", LatentSpace.MIN_STEPS, LatentSpace.MAX_STEPS));
        steps.setId("path-steps");
        steps.setValue(10);
        steps.setStepButtonsVisible(true);
        steps.addValueChangeListener(e -> show());
        strips.setId("path-strips");
        message.setId("path-message");
        message.addClassName("ll-field-note");
        Endpoint from = new Endpoint("a", digits, 0, pixels -> {
            start = pixels;
            show();
        });
        Endpoint to = new Endpoint("b", digits, 1, pixels -> {
            end = pixels;
            show();
        });
        Div ends = new Div(from, to);
        ends.addClassName("ll-path-ends");
        Div results = new Div(strips, map);
        results.addClassName("ll-path-results");
        add(new Paragraph(getTranslation("playground.path.intro")), ends, steps, message, results);
        from.pick(1);
        to.pick(7);
    }

    private void show() {
        if (start == null || end == null) {
            return;
        }
        int count = steps.getValue() == null ? 10 : steps.getValue();
        try {
            // Two encodes and two paths of decoded steps.
            budget.charge(2 + 2L * Math.clamp(count, LatentSpace.MIN_STEPS, LatentSpace.MAX_STEPS));
            LatentPath linear = space.path(space.encode(start), space.encode(end), count, Interpolation.LINEAR);
            LatentPath spherical = space.path(space.encode(start), space.encode(end), count,
                    Interpolation.SPHERICAL);
            message.setText(linear.adjusted() ? getTranslation("playground.path.adjusted", LatentSpace.MIN_STEPS,
                    LatentSpace.MAX_STEPS) : "");
            if (linear.adjusted()) {
                steps.setValue(linear.steps());
            }
            strips.removeAll();
            players.clear();
            List<String> names = List.of(getTranslation("playground.path.linear"),
                    getTranslation("playground.path.spherical"));
            List<LatentPath> paths = List.of(linear, spherical);
            for (int p = 0; p < paths.size(); p++) {
                strips.add(strip(paths.get(p), names.get(p), p));
            }
            map.setPaths(paths, names);
        } catch (InvalidInputException refused) {
            message.setText(getTranslation(refused.messageKey(), refused.arguments()));
        }
    }

    private Div strip(LatentPath path, String name, int index) {
        Div row = new Div();
        row.addClassName("ll-path-strip");
        row.setId("path-strip-" + path.interpolation().name().toLowerCase(java.util.Locale.ROOT));
        List<String> frames = new ArrayList<>();
        Div images = new Div();
        images.addClassName("ll-strip-images");
        for (int i = 0; i < path.steps(); i++) {
            String url = DigitImages.dataUrl(path.images()[i]);
            frames.add(url);
            Image image = new Image(url, getTranslation("playground.path.frameAlt", name, i + 1, path.steps()));
            image.addClassNames("ll-digit", "ll-strip-digit");
            images.add(image);
        }
        PathPlayer player = new PathPlayer(index);
        player.setFrames(frames);
        player.follow(map);
        players.add(player);
        H3 title = new H3(name);
        title.getStyle().set("color", LatentMap.PATH_COLOURS.get(index % LatentMap.PATH_COLOURS.size()));
        Div body = new Div(images, player);
        body.addClassName("ll-strip-body");
        row.add(title, body);
        return row;
    }

    /** One end of the path: a held-out digit, or a drawing made in a dialog. */
    private final class Endpoint extends Div {

        private final DigitChooser chooser;
        private final DigitPicture chosen = new DigitPicture("", 72);

        Endpoint(String name, HeldOutDigits digits, int index, Consumer<float[]> onChange) {
            addClassName("ll-path-end");
            setId("path-end-" + name);
            chooser = new DigitChooser(digits, digit -> {
                chosen.show(digit.pixels(), getTranslation("digit.alt", digit.label()));
                chosen.setCaption(getTranslation("playground.path.chosenDigit", digit.label()));
                onChange.accept(digit.pixels());
            });
            Button draw = new Button(getTranslation("playground.path.drawInstead"), VaadinIcon.PENCIL.create(),
                    e -> openDrawing(onChange));
            draw.addThemeVariants(ButtonVariant.TERTIARY);
            draw.setId("path-draw-" + name);
            H3 title = new H3(getTranslation(index == 0 ? "playground.path.from" : "playground.path.to"));
            add(title, chosen, chooser, draw);
        }

        void pick(int position) {
            chooser.pick(position);
        }

        private void openDrawing(Consumer<float[]> onChange) {
            Dialog dialog = new Dialog(getTranslation("playground.path.drawTitle"));
            DrawPad pad = new DrawPad();
            Paragraph problem = new Paragraph();
            problem.addClassName("ll-field-note");
            float[][] drawn = new float[1][];
            Button use = new Button(getTranslation("playground.path.useDrawing"), e -> {
                if (drawn[0] == null) {
                    problem.setText(getTranslation("playground.draw.empty"));
                    return;
                }
                chosen.show(drawn[0], getTranslation("playground.draw.inputAlt"));
                chosen.setCaption(getTranslation("playground.path.chosenDrawing"));
                onChange.accept(drawn[0]);
                dialog.close();
            });
            use.addThemeVariants(ButtonVariant.PRIMARY);
            pad.addDrawingListener(drawing -> {
                try {
                    drawn[0] = DrawnDigit.toMnist(drawing.pixels(), drawing.side());
                    problem.setText("");
                } catch (InvalidInputException refused) {
                    drawn[0] = null;
                    problem.setText(getTranslation(refused.messageKey(), refused.arguments()));
                }
            });
            pad.addClearedListener(() -> drawn[0] = null);
            dialog.add(pad, problem);
            dialog.getFooter().add(new Button(getTranslation("playground.cancel"), e -> dialog.close()), use);
            dialog.open();
        }
    }
}
