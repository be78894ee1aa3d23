package io.jray.test.junit;

import org.junit.jupiter.api.Test;

import io.jray.test.junit.app.KitApplication;
import io.jray.test.junit.app.SpringClusterTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClusterSettingsTest {

    @Test
    void findsTheApplicationFromTheTestsPackageAndParsesProperties() {
        ClusterSettings found = ClusterSettings.of(SpringClusterTest.class,
                SpringClusterTest.class.getAnnotation(JRayClusterTest.class));
        assertThat(found.application()).isEqualTo(KitApplication.class);
        assertThat(found.workers()).isEqualTo(2);
        ClusterSettings settings = ClusterSettings.of(Found.class, Found.class.getAnnotation(JRayClusterTest.class));
        assertThat(settings.workers()).isEqualTo(3);
        assertThat(settings.properties()).containsEntry("jray.node.cpus", "2").containsEntry("a.b", "x=y");
        assertThat(settings.logDirectory().toString()).contains("jray-test").contains("Found-");
    }

    @Test
    void namesTheAttributeOfAnEntryThatIsNotNameEqualsValue() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClusterSettings.of(Bad.class, Bad.class.getAnnotation(JRayClusterTest.class)))
                .withMessageContaining("workerProperties").withMessageContaining("'cpus'")
                .withMessageContaining(Bad.class.getName());
    }

    @JRayClusterTest(workers = 3, application = KitApplication.class, properties = { "jray.node.cpus = 2", "a.b=x=y" })
    static class Found {
    }

    @JRayClusterTest(application = KitApplication.class, workerProperties = "cpus")
    static class Bad {
    }
}
