package com.example.springuploads;

import com.example.springarchive.ArchivedUpload;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two persistence units, each with its own database, EntityManagerFactory and transaction manager: "uploads"
 * (the Spring Boot data source) and "archive".
 */
@Configuration
public class PersistenceUnits {

    @Bean
    @Primary
    public LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
        return unit("uploads", dataSource, Upload.class);
    }

    @Bean
    @Primary
    public PlatformTransactionManager transactionManager(
            @Qualifier("entityManagerFactory") EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }

    @Bean
    public LocalContainerEntityManagerFactoryBean archiveEntityManagerFactory() {
        DataSource archive = new DriverManagerDataSource("jdbc:h2:mem:archive;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
        return unit("archive", archive, ArchivedUpload.class);
    }

    @Bean
    public PlatformTransactionManager archiveTransactionManager(
            @Qualifier("archiveEntityManagerFactory") EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }

    private static LocalContainerEntityManagerFactoryBean unit(String name, DataSource dataSource, Class<?> entity) {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setPersistenceUnitName(name);
        factory.setDataSource(dataSource);
        factory.setPackagesToScan(entity.getPackageName());
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "create"));
        return factory;
    }

    @Configuration
    @EnableJpaRepositories(basePackageClasses = Upload.class,
            entityManagerFactoryRef = "entityManagerFactory", transactionManagerRef = "transactionManager")
    static class UploadRepositories {
    }

    @Configuration
    @EnableJpaRepositories(basePackageClasses = ArchivedUpload.class,
            entityManagerFactoryRef = "archiveEntityManagerFactory", transactionManagerRef = "archiveTransactionManager")
    static class ArchiveRepositories {
    }
}
