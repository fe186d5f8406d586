package org.latentlab.widgets;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.icon.VaadinIcon;

import org.latentlab.ml.HeldOutDigits;
import org.latentlab.ml.DigitImages;

/** A row of ten held-out test digits (one of each) to pick from, and a button for another ten. */
public class DigitChooser extends Div {

    private final HeldOutDigits digits;
    private final Consumer<HeldOutDigits.Digit> onPick;
    private final Div row = new Div();
    private final Random seeds = new Random();
    private List<HeldOutDigits.Digit> shown = List.of();

    public DigitChooser(HeldOutDigits digits, Consumer<HeldOutDigits.Digit> onPick) {
        this.digits = digits;
        this.onPick = onPick;
        addClassName("ll-digit-chooser");
        row.addClassName("ll-digit-row");
        Button other = new Button(getTranslation("digit.otherDigits"), VaadinIcon.REFRESH.create(),
                e -> showSet(seeds.nextLong()));
        other.addThemeVariants(ButtonVariant.TERTIARY);
        other.addClassName("ll-other-digits");
        add(row, other);
        showSet(1);
    }

    private void showSet(long seed) {
        shown = digits.oneOfEach(seed);
        row.removeAll();
        for (HeldOutDigits.Digit digit : shown) {
            Image thumb = new Image(DigitImages.dataUrl(digit.pixels()),
                    getTranslation("digit.alt", digit.label()));
            thumb.addClassNames("ll-digit", "ll-digit-thumb");
            thumb.getElement().setAttribute("role", "button");
            thumb.getElement().setAttribute("tabindex", "0");
            thumb.getElement().setAttribute("data-label", Integer.toString(digit.label()));
            thumb.addClickListener(e -> pick(digit, thumb));
            thumb.getElement().addEventListener("keydown", e -> pick(digit, thumb)).setFilter(
                    "event.key === 'Enter' || event.key === ' '");
            row.add(thumb);
        }
    }

    private void pick(HeldOutDigits.Digit digit, Image thumb) {
        row.getChildren().forEach(c -> c.removeClassName("ll-selected"));
        thumb.addClassName("ll-selected");
        onPick.accept(digit);
    }

    /** Selects the first digit shown, so that the widget never starts empty. */
    public void pickFirst() {
        pick(0);
    }

    /** Selects the digit shown at a position (0..9: the set holds one of each digit in order). */
    public void pick(int position) {
        row.getChildren().skip(position).findFirst().ifPresent(shownAt -> {
            row.getChildren().forEach(c -> c.removeClassName("ll-selected"));
            shownAt.addClassName("ll-selected");
            onPick.accept(shown.get(position));
        });
    }
}
