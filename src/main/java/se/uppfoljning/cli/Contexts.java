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
        long start = System.nanoTime();
        ConfigurableApplicationContext context = app.run();
        // where a run's fixed cost goes (docs/performance.md, "Demo"): JVM start, then this
        org.slf4j.LoggerFactory.getLogger(Contexts.class).info("context (database, Flyway, jobs) started in {} ms,"
                + " JVM up {} ms", (System.nanoTime() - start) / 1_000_000,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        return context;
    }
}
