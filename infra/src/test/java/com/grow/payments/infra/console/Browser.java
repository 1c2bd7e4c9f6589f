package com.grow.payments.infra.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * A real headless Chromium (the machine's {@code chromium} and {@code chromedriver}, as Debian
 * installs them) with a fresh profile, driven over WebDriver. Screenshots go to
 * {@code target/console-screenshots}, or to the folder named by {@code -Dconsole.screenshots}
 * (the README's pictures: {@code -Dconsole.screenshots=../docs/console}).
 */
final class Browser implements AutoCloseable {

    private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private final Path profile;
    private final ChromeDriver driver;
    private final String baseUrl;

    private Browser(String baseUrl, Path profile, ChromeDriver driver) {
        this.baseUrl = baseUrl;
        this.profile = profile;
        this.driver = driver;
    }

    static boolean installed() {
        return first(CHROMIUM).isPresent() && first(DRIVER).isPresent();
    }

    static Browser open(String baseUrl) throws IOException {
        Path profile = Files.createTempDirectory("console-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(first(CHROMIUM).orElseThrow());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + profile,
                "--window-size=1280,1000", "--lang=ko-KR");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(first(DRIVER).orElseThrow()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(baseUrl, profile, driver);
    }

    WebDriver driver() {
        return driver;
    }

    void go(String path) {
        driver.get(baseUrl + path);
    }

    /** Signs in with the standalone profile's dev sign-in as this operator. */
    void signIn(String operator) {
        go("/console/");
        WebElement name = test("operator-name");
        name.clear();
        name.sendKeys(operator);
        test("submit").click();
        awaitText(By.cssSelector("#operator"), operator);
    }

    WebElement test(String name) {
        return await(By.cssSelector("[data-test='" + name + "']"));
    }

    List<WebElement> all(String name) {
        return driver.findElements(By.cssSelector("[data-test='" + name + "']"));
    }

    WebElement await(By by) {
        return wait(Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void awaitText(By by, String text) {
        wait(Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    WebDriverWait wait(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** Sets the window to a phone's size or back to a desktop's. */
    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** The whole page, however long: the window grows to the page's height for the picture. */
    void screenshot(String name) throws IOException {
        Dimension window = driver.manage().window().getSize();
        Object height = driver.executeScript("return document.documentElement.scrollHeight");
        int page = height instanceof Number number ? number.intValue() : window.getHeight();
        driver.manage().window().setSize(new Dimension(window.getWidth(), Math.max(window.getHeight(), page + 120)));
        Path folder = Path.of(System.getProperty("console.screenshots", "target/console-screenshots"));
        Files.createDirectories(folder);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(window);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile);
        }
    }

    private static Optional<String> first(List<String> paths) {
        return paths.stream().filter(path -> Files.isExecutable(Path.of(path))).findFirst();
    }
}
