package se.uppfoljning.cli;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import se.uppfoljning.UppfoljningApplication;

/** Starts the Spring context (database, Flyway, Spring Batch) for one command. */
final class Contexts {
    private Contexts() {
    }

    static ConfigurableApplicationContext start(Map<String, Object> properties) {
        return start(properties, true);
    }

    /**
     * @param shutdownHook close the context on SIGTERM/Ctrl-C by Spring's own hook; false when the
     *                     command closes it itself after stopping its work (the schedule mode)
     */
    static ConfigurableApplicationContext start(Map<String, Object> properties, boolean shutdownHook) {
        SpringApplication app = new SpringApplication(UppfoljningApplication.class);
        app.setRegisterShutdownHook(shutdownHook);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(properties);
        app.setLogStartupInfo(false);
        return app.run();
    }
}
