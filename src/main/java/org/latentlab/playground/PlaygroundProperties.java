package org.latentlab.playground;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Playground settings.
 *
 * @param cachedRunModels how many students' Lab-run models stay loaded at once (the least recently used one is
 *                        unloaded first; shipped models always stay)
 */
@ConfigurationProperties("latentlab.playground")
public record PlaygroundProperties(@DefaultValue("8") int cachedRunModels) {
}
