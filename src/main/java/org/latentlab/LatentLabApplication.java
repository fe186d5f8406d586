package org.latentlab;

import org.latentlab.base.CommandLineModes;
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
        StartupClassPreloader.start();
        SpringApplication application = new SpringApplication(LatentLabApplication.class);
        CommandLineModes.prepare(args);
        application.run(args);
    }
}
