package org.latentlab.ml;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The engine's shared pieces that are not components of their own. */
@Configuration(proxyBeanMethods = false)
class MlConfiguration {

    @Bean
    InferenceLimits inferenceLimits(MlProperties properties) {
        return new InferenceLimits(properties.inferenceTotal(), properties.inferenceSlots(),
                properties.inferenceWait());
    }
}
