package org.latentlab.music.ui;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import org.latentlab.base.ui.FeaturePage;
import org.latentlab.ml.DeepLearningEngine;
import org.latentlab.ml.Interpolation;
import org.latentlab.music.Melody;
import org.latentlab.music.MelodyCodec;
import org.latentlab.music.MelodyCorpus;
import org.latentlab.music.MidiExport;
import org.latentlab.music.ShippedMelodyModel;
import org.latentlab.widgets.WarmingUp;

/**
 * The melody playground, in the spirit of Magenta's MusicVAE demos: one slider per latent dimension of the melody
 * VAE, random samples, a start from any tune of our corpus, and a morph from one tune to another in eight steps.
 * Each melody is shown as notation and piano roll, played in the browser at an adjustable tempo, and downloadable
 * as MIDI. Its route and menu entry carry the module's name, {@code music}; the old address {@code /melodies}
 * forwards here ({@link OldMelodiesAddress}).
 */
@Route("music")
@Menu(order = 45, icon = "vaadin:music", title = "nav.music")
@AnonymousAllowed
public class MusicView extends FeaturePage {

    static final int MORPH_STEPS = 8;

    private final MelodyView melody = new MelodyView();
    private final MelodyView morphView = new MelodyView();
    private MelodySliders sliders;
    private final Paragraph origin = new Paragraph();
    private final Random random = new Random();
    private final Div morphSteps = new Div();
    private MelodyCodec codec;
    private float[] code;
    private Melody current;

    MusicView(ShippedMelodyModel model, DeepLearningEngine engine) {
        super("music.title", "music.intro");
        setId("music-view");
        if (WarmingUp.holdsPage(this, engine)) {
            return;
        }
        Optional<MelodyCodec> loaded = model.get();
        if (loaded.isEmpty()) {
            addNotice("melodies.modelMissing");
            return;
        }
        codec = loaded.get();
        code = new float[codec.latentSize()];
        melody.setId("melody-current");
        morphView.setId("melody-morph");
        origin.setId("melody-origin");
        origin.addClassName("ll-field-note");
        List<MelodyCorpus.Entry> entries = MelodyCorpus.entries();
        Select<MelodyCorpus.Entry> tune = corpusPicker("melodies.fromTune", "melody-tune", entries);
        tune.addValueChangeListener(e -> {
            if (e.getValue() != null && e.isFromClient()) {
                setCode(codec.encode(e.getValue().melody()),
                        getTranslation("melodies.fromTuneDone", e.getValue().tune().fullTitle()));
            }
        });
        Button sample = new Button(getTranslation("melodies.random"), e -> setCode(codec.randomCode(random),
                getTranslation("melodies.fromRandom")));
        sample.setId("melody-random");
        sample.addThemeVariants(ButtonVariant.PRIMARY);
        Anchor midi = new Anchor();
        midi.setText(getTranslation("melodies.midi"));
        midi.setId("melody-midi");
        midi.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = MidiExport.write(current == null ? Melody.silence() : current, 100);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "latent-melody.mid", "audio/midi",
                    bytes.length);
        }), AttachmentType.DOWNLOAD);
        sliders = new MelodySliders(codec.latentSize(), "melody-slider-", moved -> {
            code = moved;
            show();
        });
        sliders.setId("melody-sliders");
        HorizontalLayout actions = new HorizontalLayout(sample, tune, midi);
        actions.setWrap(true);
        actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H2(getTranslation("melodies.explore")), actions, origin, melody, sliders,
                new H2(getTranslation("melodies.morphTitle")), new Paragraph(getTranslation("melodies.morphIntro",
                        MORPH_STEPS)), morph(entries));
        setCode(codec.encode(entries.getFirst().melody()),
                getTranslation("melodies.fromTuneDone", entries.getFirst().tune().fullTitle()));
    }

    private Select<MelodyCorpus.Entry> corpusPicker(String labelKey, String id, List<MelodyCorpus.Entry> entries) {
        Select<MelodyCorpus.Entry> picker = new Select<>();
        picker.setLabel(getTranslation(labelKey));
        picker.setId(id);
        picker.setItems(entries);
        picker.setItemLabelGenerator(entry -> (entry.kind() == MelodyCorpus.Kind.EXERCISE
                ? getTranslation("melodies.exercise") + ": " : "") + entry.tune().fullTitle());
        picker.setWidth("min(100%, 24em)");
        return picker;
    }

    private Div morph(List<MelodyCorpus.Entry> entries) {
        Select<MelodyCorpus.Entry> from = corpusPicker("melodies.morphFrom", "melody-morph-from", entries);
        Select<MelodyCorpus.Entry> to = corpusPicker("melodies.morphTo", "melody-morph-to", entries);
        from.setValue(entries.getFirst());
        to.setValue(entries.get(Math.min(5, entries.size() - 1)));
        RadioButtonGroup<Interpolation> how = new RadioButtonGroup<>();
        how.setItems(Interpolation.values());
        how.setItemLabelGenerator(i -> getTranslation(i == Interpolation.LINEAR ? "playground.path.linear"
                : "playground.path.spherical"));
        how.setValue(Interpolation.SPHERICAL);
        morphSteps.setId("melody-morph-steps");
        morphSteps.addClassName("ll-morph-steps");
        Runnable compute = () -> {
            if (from.getValue() == null || to.getValue() == null || how.getValue() == null) {
                return;
            }
            List<Melody> steps = codec.interpolate(from.getValue().melody(), to.getValue().melody(), MORPH_STEPS,
                    how.getValue());
            morphSteps.removeAll();
            for (int i = 0; i < steps.size(); i++) {
                Melody step = steps.get(i);
                String title = getTranslation("melodies.morphStep", i + 1, steps.size());
                Button button = new Button(title, e -> morphView.show(step, title));
                button.setId("melody-step-" + (i + 1));
                morphSteps.add(button);
            }
            morphView.show(steps.getFirst(), getTranslation("melodies.morphStep", 1, steps.size()));
        };
        from.addValueChangeListener(e -> compute.run());
        to.addValueChangeListener(e -> compute.run());
        how.addValueChangeListener(e -> compute.run());
        compute.run();
        HorizontalLayout pickers = new HorizontalLayout(from, to, how);
        pickers.setWrap(true);
        pickers.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return new Div(pickers, morphSteps, morphView);
    }

    private void setCode(float[] next, String from) {
        code = next.clone();
        sliders.setCode(code);
        origin.setText(from);
        show();
    }

    private void show() {
        current = codec.decode(code);
        melody.show(current, getTranslation("melodies.current"));
    }
}
