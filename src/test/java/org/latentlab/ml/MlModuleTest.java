package org.latentlab.ml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.latentlab.base.LanguagePreferences;
import org.latentlab.base.SignedInUsers;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.latentlab.base.ui.AccountPages;

/**
 * The model engine needs no feature: started with only its own beans and those of {@code base}, the one module it
 * depends on, it loads the shipped models. A dependency on a feature would fail this test before it fails in
 * review. {@code base} asks the features for a user's stored language and accounts through
 * {@link LanguagePreferences}, {@link SignedInUsers} and {@link AccountPages}, which {@code classroom} implements:
 * here mocks stand in for them.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class MlModuleTest {

    @MockitoBean
    LanguagePreferences languagePreferences;
    @MockitoBean
    SignedInUsers signedInUsers;
    @MockitoBean
    AccountPages accountPages;
    @Autowired
    ShippedModels shipped;
    @Autowired
    ApplicationContext context;

    @Test
    void theEngineStartsBesideBaseAloneAndLoadsEveryShippedModel() {
        assertThat(shipped.problems()).isEmpty();
        assertThat(shipped.all().keySet()).containsExactlyInAnyOrderElementsOf(ShippedModels.KINDS);
        assertThat(context.getBeanNamesForType(org.latentlab.classroom.ClassroomService.class)).isEmpty();
        assertThat(context.getBeanNamesForType(org.latentlab.lab.LabRuns.class)).isEmpty();
    }
}
