package se.uppfoljning;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Spring context behind every job; the command line ({@code cli.Main}) starts it. */
@SpringBootApplication
public class UppfoljningApplication {
}
