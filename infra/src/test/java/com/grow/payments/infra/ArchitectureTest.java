package com.grow.payments.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module rules of STYLE.md: the three sides never import each other; the model has no Spring. */
@AnalyzeClasses(packages = "com.grow.payments", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule command_side_does_not_import_query_side_or_sagas = noClasses()
            .that().resideInAPackage("com.grow.payments.command..")
            .should().dependOnClassesThat().resideInAnyPackage("com.grow.payments.query..",
                    "com.grow.payments.sagas..", "com.grow.payments.infra..");

    @ArchTest
    static final ArchRule billing_and_subscriptions_do_not_reach_into_payments = noClasses()
            .that().resideInAnyPackage("com.grow.payments.command.billing..", "com.grow.payments.command.subscription..")
            .should().dependOnClassesThat().resideInAPackage("com.grow.payments.command.payment..");

    @ArchTest
    static final ArchRule query_side_does_not_import_command_side_or_sagas = noClasses()
            .that().resideInAPackage("com.grow.payments.query..")
            .should().dependOnClassesThat().resideInAnyPackage("com.grow.payments.command..",
                    "com.grow.payments.sagas..", "com.grow.payments.infra..");

    @ArchTest
    static final ArchRule sagas_do_not_import_command_side_or_query_side = noClasses()
            .that().resideInAPackage("com.grow.payments.sagas..")
            .should().dependOnClassesThat().resideInAnyPackage("com.grow.payments.command..",
                    "com.grow.payments.query..", "com.grow.payments.infra..");

    @ArchTest
    static final ArchRule the_domain_model_and_the_language_know_no_spring = noClasses()
            .that().resideInAnyPackage("com.grow.payments.shared..", "com.grow.payments.sagas..")
            .or().resideInAPackage("com.grow.payments.command..").and().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule the_domain_never_sees_http_json_or_sql = noClasses()
            .that().resideInAnyPackage("com.grow.payments.shared..", "com.grow.payments.sagas..")
            .or().resideInAPackage("com.grow.payments.command..").and().resideOutsideOfPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "java.sql..",
                    "com.fasterxml.jackson.databind..", "jakarta.servlet..");
}
