package se.uppfoljning.database;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * One PostgreSQL for the register, the outcomes and Spring Batch's JobRepository: the server named by
 * {@code --db-url} / {@code UPPFOLJNING_DB_URL}, or else the embedded one under the data folder.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    /** Holds the embedded server, if any, so it stops when the application context closes. */
    public static final class Server implements AutoCloseable {
        private final EmbeddedDatabase embedded;
        private final String url;

        Server(EmbeddedDatabase embedded, String url) {
            this.embedded = embedded;
            this.url = url;
        }

        public String url() {
            return url;
        }

        public boolean embedded() {
            return embedded != null;
        }

        @Override
        public void close() throws Exception {
            if (embedded != null) embedded.close();
        }
    }

    @Bean(destroyMethod = "close")
    Server databaseServer(@Value("${uppfoljning.db.url:}") String url,
                          @Value("${uppfoljning.db.embedded-dir:${uppfoljning.data-dir:data}/postgres}") String dir,
                          @Value("${uppfoljning.db.embedded-wait-minutes:120}") long waitMinutes,
                          @Value("${uppfoljning.db.embedded-durable:true}") boolean durable) {
        if (!url.isBlank()) return new Server(null, url);
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(dir).toAbsolutePath(),
                java.time.Duration.ofMinutes(waitMinutes), durable);
        return new Server(db, db.jdbcUrl());
    }

    /** Connections the program holds at most: run-all's two jobs, each with a second connection, and the job repository. */
    public static final int POOL_SIZE = 8;

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(Server server) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.url());
        config.setPoolName("uppfoljning");
        config.setMaximumPoolSize(POOL_SIZE);
        // the JDBC URL may carry a password: Hikari must not log it
        config.setConnectionTimeout(15_000);
        // No JIT compilation of queries: the outcome and indicator SQL are large statements over
        // tables that hold every run, so the planner's costs cross jit_above_cost and PostgreSQL spent
        // seconds compiling each one (INDICATORS.sql at 10,000 episodes: 4.1 s of JIT for a 0.5 s
        // query). Only our own sessions; the server's default is left alone.
        config.setConnectionInitSql("SET jit = off");
        return new HikariDataSource(config);
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }
}
