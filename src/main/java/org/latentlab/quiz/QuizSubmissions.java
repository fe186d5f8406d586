package org.latentlab.quiz;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.latentlab.base.ClusterEvents;
import org.springframework.stereotype.Component;

/** Tells open teacher dashboards on every node about every submitted attempt, so they update without a reload. */
@Component
public class QuizSubmissions {

    private final List<Consumer<QuizSubmitted>> listeners = new CopyOnWriteArrayList<>();

    QuizSubmissions(ClusterEvents events) {
        events.subscribe(QuizSubmitted.class, this::on);
    }

    /** Registers a listener; close the returned handle when the page goes away. */
    public AutoCloseable subscribe(Consumer<QuizSubmitted> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void on(QuizSubmitted submitted) {
        for (Consumer<QuizSubmitted> listener : listeners) {
            try {
                listener.accept(submitted);
            } catch (RuntimeException e) {
                // One broken page must not stop the others from hearing about it.
                listeners.remove(listener);
            }
        }
    }
}
