package org.latentlab.playground;

import java.util.UUID;

import org.latentlab.lab.PlaygroundLink;
import org.springframework.stereotype.Component;

/** Gives the Lab its "open in the Playground" link, which it cannot name itself. */
@Component
class RunsInPlayground implements PlaygroundLink {

    @Override
    public String forRun(UUID runId) {
        return PlaygroundRoutes.run(runId);
    }
}
