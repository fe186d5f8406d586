package org.latentlab;

import org.latentlab.ml.MlCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Latent Lab: lessons, quizzes, live training and a latent-space playground for autoencoders and VAEs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LatentLabApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(LatentLabApplication.class);
        if (MlCommands.requested(args)) {
            // Pretraining and benchmarks serve no pages; Vaadin still needs a web context, so bind a free port.
            System.setProperty("server.port", "0");
        }
        application.run(args);
    }
}
