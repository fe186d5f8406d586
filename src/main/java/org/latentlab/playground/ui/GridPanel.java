package org.latentlab.playground.ui;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;

import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import org.latentlab.base.InvalidInputException;
import org.latentlab.playground.LatentSpace;
import org.latentlab.playground.ManifoldGrid;

/**
 * The manifold grid: n x n digits decoded on a lattice over a chosen rectangle of the map, as one picture that can
 * be downloaded. A size or range out of bounds is clamped and the fields show what was used.
 */
class GridPanel extends Div {

    private final LatentSpace space;
    private final DecodeBudget budget;
    private final IntegerField size = new IntegerField();
    private final NumberField xFrom = new NumberField();
    private final NumberField xTo = new NumberField();
    private final NumberField yFrom = new NumberField();
    private final NumberField yTo = new NumberField();
    private final Image picture = new Image();
    private final Anchor download = new Anchor();
    private final Paragraph message = new Paragraph();
    private volatile byte[] png = new byte[0];

    GridPanel(LatentSpace space, DecodeBudget budget) {
        this.budget = budget;
        this.space = space;
        addClassName("ll-grid-panel");
        size.setLabel(getTranslation("playground.grid.size", LatentSpace.MIN_GRID, LatentSpace.MAX_GRID));
        size.setId("grid-size");
        size.setValue(12);
        size.setStepButtonsVisible(true);
        // No min or max on the field: the grid clamps any size and says so.
        size.setWidth("10em");
        configure(xFrom, "playground.grid.xFrom", "grid-x-from");
        configure(xTo, "playground.grid.xTo", "grid-x-to");
        configure(yFrom, "playground.grid.yFrom", "grid-y-from");
        configure(yTo, "playground.grid.yTo", "grid-y-to");
        Button draw = new Button(getTranslation("playground.grid.draw"), VaadinIcon.GRID_SMALL.create(), e -> show());
        draw.addThemeVariants(ButtonVariant.PRIMARY);
        draw.setId("grid-draw");
        Button reset = new Button(getTranslation("playground.grid.reset"), e -> {
            resetRange();
            show();
        });
        reset.addThemeVariants(ButtonVariant.TERTIARY);
        HorizontalLayout fields = new HorizontalLayout(size, xFrom, xTo, yFrom, yTo, draw, reset);
        fields.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        picture.setId("grid-image");
        picture.addClassName("ll-grid-image");
        download.setId("grid-download");
        download.setText(getTranslation("playground.grid.download"));
        // The picture as last drawn, as a real file download (a data: address is not a safe link for Vaadin).
        download.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] current = png;
            return new DownloadResponse(new ByteArrayInputStream(current), "latent-grid.png", "image/png",
                    current.length);
        }), AttachmentType.DOWNLOAD);
        message.setId("grid-message");
        message.addClassName("ll-field-note");
        add(new Paragraph(getTranslation("playground.grid.intro")), fields, message, picture, new Div(download));
        resetRange();
        show();
    }

    private void configure(NumberField field, String key, String id) {
        field.setLabel(getTranslation(key));
        field.setId(id);
        field.setStep(0.01);
        field.setWidth("8em");
    }

    private void resetRange() {
        double[] range = space.defaultGridRange();
        xFrom.setValue(up(range[0]));
        xTo.setValue(down(range[1]));
        yFrom.setValue(up(range[2]));
        yTo.setValue(down(range[3]));
    }

    // Shown to two decimals, rounded inwards so that a clamped range stays within the limits when sent again.
    private static double up(double value) {
        return Math.ceil(value * 100 - 1e-9) / 100.0;
    }

    private static double down(double value) {
        return Math.floor(value * 100 + 1e-9) / 100.0;
    }

    private void show() {
        if (size.getValue() == null || xFrom.getValue() == null || xTo.getValue() == null
                || yFrom.getValue() == null || yTo.getValue() == null) {
            message.setText(getTranslation("playground.grid.fillIn"));
            return;
        }
        try {
            int cells = Math.clamp(size.getValue(), LatentSpace.MIN_GRID, LatentSpace.MAX_GRID);
            budget.charge((long) cells * cells);
            ManifoldGrid grid = space.grid(size.getValue(), xFrom.getValue(), xTo.getValue(), yFrom.getValue(),
                    yTo.getValue());
            png = grid.png();
            picture.setSrc("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
            picture.setAlt(getTranslation("playground.grid.alt", grid.size(), format(grid.xFrom()),
                    format(grid.xTo()), format(grid.yFrom()), format(grid.yTo())));
            message.setText(grid.adjusted() ? getTranslation("playground.grid.adjusted", LatentSpace.MIN_GRID,
                    LatentSpace.MAX_GRID) : "");
            size.setValue(grid.size());
            xFrom.setValue(up(grid.xFrom()));
            xTo.setValue(down(grid.xTo()));
            yFrom.setValue(up(grid.yFrom()));
            yTo.setValue(down(grid.yTo()));
        } catch (InvalidInputException refused) {
            message.setText(getTranslation(refused.messageKey(), refused.arguments()));
        }
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
