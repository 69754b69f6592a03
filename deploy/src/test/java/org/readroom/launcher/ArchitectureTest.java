package org.readroom.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules of DESIGN.md: dependencies point one way, and the DICOM toolkit stays behind its port. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.readroom");
    }

    @Test
    void sharedCoreImportsNoServerNoUiNoJdbcNoPdf() {
        noClasses()
                .that()
                .resideInAPackage("org.readroom.core..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.vertx..",
                        "javafx..",
                        "java.sql..",
                        "org.apache.pdfbox..",
                        "org.readroom.server..",
                        "org.readroom.kiosk..",
                        "org.readroom.console..",
                        "org.readroom.fx..",
                        "org.readroom.launcher..")
                .check(classes);
    }

    @Test
    void clientsAndSharedFxNeverImportServerCode() {
        noClasses()
                .that()
                .resideInAnyPackage("org.readroom.kiosk..", "org.readroom.console..", "org.readroom.fx..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.readroom.server..", "java.sql..")
                .check(classes);
    }

    @Test
    void theServerImportsNoClientAndNoJavaFx() {
        noClasses()
                .that()
                .resideInAPackage("org.readroom.server..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("javafx..", "org.readroom.kiosk..", "org.readroom.console..", "org.readroom.fx..")
                .check(classes);
    }

    @Test
    void onlyTheDicomPortTouchesPixelMed() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.readroom.core.dicom.pixelmed..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.pixelmed..")
                .check(classes);
    }

    @Test
    void serverHandlersNeverSeeJdbc() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Routes")
                .or()
                .resideInAPackage("org.readroom.server.http..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.sql..")
                .check(classes);
    }

    @Test
    void viewModelsImportNothingFromJavaFxScene() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Model")
                .or()
                .haveSimpleName("PointerGestures")
                .or()
                .haveSimpleName("Cine")
                .or()
                .haveSimpleName("ViewerAnnotations")
                .or()
                .haveSimpleName("HotspotCursor")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("javafx.scene..")
                .check(classes);
    }
}
