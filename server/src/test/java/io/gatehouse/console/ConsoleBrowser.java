package io.gatehouse.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's {@code chromium} package, driven through Debian's {@code chromium-driver}. Both
 * paths are given explicitly, so Selenium Manager never runs and nothing is downloaded. One browser per test class.
 */
final class ConsoleBrowser implements AutoCloseable {

	static final String CHROMIUM = System.getProperty("gatehouse.test.chromium", "/usr/bin/chromium");

	static final String CHROMEDRIVER = System.getProperty("gatehouse.test.chromedriver", "/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	final ChromeDriver driver;

	final String baseUrl;

	private final WebDriverWait wait;

	static boolean available() {
		return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
	}

	ConsoleBrowser(int port) {
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
				"--disable-gpu", "--no-first-run", "--disable-extensions", "--lang=en-US");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		this.baseUrl = "http://localhost:" + port;
		// htmx replaces parts of the page while a condition looks at them: a vanished element means "look again"
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
		this.wait.ignoring(StaleElementReferenceException.class);
	}

	void open(String path) {
		driver.get(baseUrl + path);
		markPage();
	}

	String path() {
		String url = driver.getCurrentUrl();
		return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
	}

	WebElement find(By by) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	WebElement byId(String id) {
		return find(By.id(id));
	}

	void type(String id, String text) {
		WebElement field = byId(id);
		field.clear();
		field.sendKeys(text);
	}

	void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
		wait.until(condition);
	}

	void waitForPath(String prefix) {
		wait.until(d -> path().startsWith(prefix));
		markPage();
	}

	/**
	 * Waits for the page a form's redirect brings, whose address says {@code done=<what>}. The address alone is not
	 * enough: the page before may say the same (two saves in a row), so the wait also needs a document that
	 * {@link #markPage()} has not marked, fully loaded; it then marks that one for the next wait.
	 */
	void waitForDone(String what) {
		wait.until(d -> path().contains("done=" + what) && Boolean.TRUE.equals(script(
				"return document.readyState === 'complete' && !document.documentElement.hasAttribute('data-test-seen')")));
		markPage();
	}

	/** Marks the open document as seen, so that a wait for the next page cannot end on this one. */
	void markPage() {
		script("document.documentElement.setAttribute('data-test-seen', '')");
	}

	String text(By by) {
		return find(by).getText();
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(script, args);
	}

	/** Signs out whoever is signed in (by forgetting the cookies) and signs in anew through the sign-in page. */
	void signIn(String login, String password) {
		open("/console/sign-in");
		driver.manage().deleteAllCookies();
		open("/console/sign-in");
		type("login", login);
		type("password", password);
		byId("password").submit();
		// done when the console opens, the sign-in is refused, or the second-factor step asks for a code
		wait.until(d -> !path().startsWith("/console/sign-in")
				|| !d.findElements(By.cssSelector(".alert.error, input[name=challenge]")).isEmpty());
		markPage();
	}

	/** Waits for the page's confirmation ({@code window.confirm}), accepts it and returns its text. */
	String acceptConfirmation() {
		Alert alert = wait.until(ExpectedConditions.alertIsPresent());
		String text = alert.getText();
		alert.accept();
		return text;
	}

	/** Waits for the page's confirmation, cancels it and returns its text. */
	String dismissConfirmation() {
		Alert alert = wait.until(ExpectedConditions.alertIsPresent());
		String text = alert.getText();
		alert.dismiss();
		return text;
	}

	void signOut() {
		find(By.xpath("//button[normalize-space()='Sign out']")).click();
		waitForPath("/console/sign-in");
	}

	/** A full-page screenshot of what is open, kept as a build artifact under {@code target/screenshots}. */
	void screenshot(String name) {
		screenshot(name, 1280);
	}

	/** The same at another window width, e.g. a phone's 390 pixels. */
	void screenshot(String name, int width) {
		try {
			Files.createDirectories(SCREENSHOTS);
			// the whole page, not just the window: grow the window to the page's height for the shot
			driver.manage().window().setSize(new Dimension(width, 900));
			long height = (Long) script("return Math.max(document.documentElement.scrollHeight, 900)");
			driver.manage().window().setSize(new Dimension(width, (int) Math.min(height, 4000)));
			File shot = driver.getScreenshotAs(OutputType.FILE);
			driver.manage().window().setSize(new Dimension(1280, 900));
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot save the screenshot " + name, ex);
		}
	}

	/** Makes the window this wide (e.g. a phone's 390 pixels) and 900 high. */
	void width(int pixels) {
		driver.manage().window().setSize(new Dimension(pixels, 900));
	}

	/**
	 * How far the open page is wider than the window, in pixels (0 when it fits), with the element that sticks out
	 * furthest, for the assertion's message.
	 */
	String overflow() {
		return (String) script("""
				const width = window.innerWidth;
				if (document.documentElement.scrollWidth <= width) { return ''; }
				let worst = null, right = 0;
				for (const e of document.querySelectorAll('body *')) {
				  const r = e.getBoundingClientRect().right;
				  if (r > right) { right = r; worst = e; }
				}
				return document.documentElement.scrollWidth + 'px wide in ' + width + 'px; furthest: <'
				    + worst.tagName.toLowerCase() + (worst.id ? '#' + worst.id : '') + ' class="' + worst.className + '">'
				    + ' ending at ' + Math.round(right) + 'px';""");
	}

	/** The browser console's errors (level SEVERE) since the last call: a page must make none. */
	List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/** Bytes of the open page and everything it loaded, by kind, as the Resource Timing API reports them. */
	@SuppressWarnings("unchecked")
	Map<String, Long> pageWeight() {
		return (Map<String, Long>) script("""
				const sizes = {html: 0, css: 0, js: 0, other: 0, transferred: 0};
				const nav = performance.getEntriesByType('navigation')[0];
				sizes.html += nav.encodedBodySize; sizes.transferred += nav.transferSize;
				for (const r of performance.getEntriesByType('resource')) {
				  const kind = r.name.endsWith('.css') ? 'css' : r.name.endsWith('.js') ? 'js' : 'other';
				  sizes[kind] += r.encodedBodySize; sizes.transferred += r.transferSize;
				}
				return sizes;""");
	}

	@Override
	public void close() {
		driver.quit();
	}
}
