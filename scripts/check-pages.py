#!/usr/bin/env python3
"""Uses the front desk pages of a running `heritage serve` in a real browser (Chromium through
selenium), as the staff at the counter would, at desktop and phone sizes:

  - types 闽剧 in the search box, presses Enter, checks the first result, follows it, and checks
    the record page's heading and the stations that serve it;
  - types mlhc, 閩劇 and jasmine and checks the first result is the one the JSON API ranks first;
  - does the same with the keyboard only (Tab to the box, type, Enter, Tab to a result, Enter);
  - at 412 × 892 (a phone), checks that no page scrolls sideways;
  - runs axe-core (selenium-axe-python, offline) on the home, results and record pages and fails
    on any serious or critical violation;
  - with --screenshots DIR, saves the home, results and record pages at both sizes.

Usage: scripts/check-pages.py BASE_URL [--screenshots DIR]
"""
import json
import os
import sys
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ready
from selenium.webdriver.support.ui import WebDriverWait
from selenium_axe_python import Axe

base = sys.argv[1].rstrip("/")
shots = sys.argv[sys.argv.index("--screenshots") + 1] if "--screenshots" in sys.argv else None
problems = []


def check(condition, message):
    if not condition:
        problems.append(message)


def browser(width, height):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN",
                     "--window-size=%d,%d" % (width, height), "--force-device-scale-factor=1"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    for binary in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.path.exists(binary):
            options.binary_location = binary
    driver_path = next((p for p in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver") if os.path.exists(p)), None)
    driver = webdriver.Chrome(options=options, service=Service(driver_path) if driver_path else None)
    driver.set_window_size(width, height)
    return driver


def first_by_api(query):
    url = base + "/api/v1/search?" + urllib.parse.urlencode({"q": query})
    return json.load(urllib.request.urlopen(url))["hits"][0]["id"]


def search(driver, query):
    driver.get(base + "/")
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys(query + Keys.ENTER)
    WebDriverWait(driver, 10).until(ready.presence_of_element_located((By.CSS_SELECTOR, "ol.results li a, p.empty")))
    links = driver.find_elements(By.CSS_SELECTOR, "ol.results li a")
    return links


def first_id(link):
    return urllib.parse.urlparse(link.get_attribute("href")).path.split("/records/")[-1]


def no_sideways_scroll(driver, page):
    width = driver.execute_script("return document.documentElement.scrollWidth")
    inner = driver.execute_script("return window.innerWidth")
    check(width <= inner, "%s at phone width scrolls sideways: %d px wide in a %d px window" % (page, width, inner))


def accessibility(driver, page):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    check(len(results.get("passes", [])) > 10, "%s: axe-core ran no checks" % page)
    bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    for violation in bad:
        check(False, "%s: axe %s (%s): %s" % (page, violation["id"], violation["impact"], violation["help"]))


def shoot(driver, name):
    if shots:
        os.makedirs(shots, exist_ok=True)
        driver.save_screenshot(os.path.join(shots, name + ".png"))


for size, (width, height) in (("desktop", (1280, 900)), ("phone", (412, 892))):
    driver = browser(width, height)
    try:
        driver.get(base + "/")
        check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh", "home is not lang=zh")
        shoot(driver, "home-" + size)
        accessibility(driver, "home (%s)" % size)
        if size == "phone":
            no_sideways_scroll(driver, "home")

        links = search(driver, "闽剧")
        check(links and first_id(links[0]) == "ich:min-opera", "闽剧: first result is not ich:min-opera")
        check(links and "闽剧" in links[0].text, "闽剧: the first result does not show 闽剧")
        shoot(driver, "results-" + size)
        accessibility(driver, "results (%s)" % size)
        if size == "phone":
            no_sideways_scroll(driver, "results")
        links[0].click()
        WebDriverWait(driver, 10).until(ready.presence_of_element_located((By.TAG_NAME, "h1")))
        check(driver.find_element(By.TAG_NAME, "h1").text == "闽剧", "record page heading is not 闽剧")
        served = driver.find_element(By.ID, "served").find_element(By.XPATH, "..").text
        check("鼓楼区知识产权行政保护先行所" in served, "record page does not show the station that serves 闽剧")
        shoot(driver, "record-" + size)
        accessibility(driver, "record (%s)" % size)
        if size == "phone":
            no_sideways_scroll(driver, "record")

        for query in ("mlhc", "閩劇", "jasmine"):
            links = search(driver, query)
            expected = first_by_api(query)
            check(links and first_id(links[0]) == expected,
                  "%s (%s): first result %s, the API ranks %s first" % (query, size, links and first_id(links[0]), expected))

        # The keyboard only: Tab to the box, type, Enter, Tab to the first result, Enter.
        driver.get(base + "/")
        body = driver.find_element(By.TAG_NAME, "body")
        for _ in range(12):
            body = driver.switch_to.active_element
            if body.get_attribute("id") == "q":
                break
            body.send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        check(active.get_attribute("id") == "q", "Tab never reached the search box")
        active.send_keys("软木画" + Keys.ENTER)
        WebDriverWait(driver, 10).until(ready.presence_of_element_located((By.CSS_SELECTOR, "ol.results li a")))
        for _ in range(40):
            active = driver.switch_to.active_element
            if (active.get_attribute("href") or "").find("/records/") >= 0 and active.find_elements(By.XPATH, "ancestor::ol"):
                break
            active.send_keys(Keys.TAB)
        active = driver.switch_to.active_element
        active.send_keys(Keys.ENTER)
        WebDriverWait(driver, 10).until(ready.url_contains("/records/"))
        check(driver.find_element(By.TAG_NAME, "h1").text == "软木画", "keyboard: did not reach the 软木画 page")
    finally:
        driver.quit()

if problems:
    for problem in problems:
        print("check-pages: " + problem, file=sys.stderr)
    sys.exit(1)
print("check-pages: Chromium searched, followed results and used the keyboard at desktop and phone sizes; "
      "no sideways scrolling on the phone; axe-core found no serious or critical violation")
