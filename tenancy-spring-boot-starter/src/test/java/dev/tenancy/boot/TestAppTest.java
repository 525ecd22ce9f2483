package dev.tenancy.boot;

import dev.tenancy.boot.testapp.TestApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of the {@link TestApplication} on the JVM's shared test database ({@link TestAppDatabase}), through MockMvc.
 * Classes with the same extra properties share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestApplication.class)
@AutoConfigureMockMvc
@ContextConfiguration(initializers = TestAppDatabase.class)
public @interface TestAppTest {
}
