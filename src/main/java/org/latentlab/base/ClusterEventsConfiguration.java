package org.latentlab.base;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The event bus that fits the database: direct on the embedded one, NOTIFY/LISTEN on PostgreSQL. */
@Configuration(proxyBeanMethods = false)
class ClusterEventsConfiguration {

    @Bean
    ClusterEvents clusterEvents(Database database, JdbcClient jdbc, DataSourceProperties properties) {
        return database.vendor() == Database.Vendor.POSTGRESQL ? new PostgresClusterEvents(jdbc, properties)
                : new LocalClusterEvents();
    }
}
