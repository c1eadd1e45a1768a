// Saves text the page produced (a report's CSV) as a file the browser downloads.
window.integratedCare = {
    download: function (fileName, mimeType, text) {
        const blob = new Blob([text], { type: mimeType });
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = fileName;
        document.body.appendChild(a);
        a.click();
        a.remove();
        URL.revokeObjectURL(url);
    }
};

// The skip link moves focus to the page's main content. Blazor's router takes over in-page links (it
// scrolls but leaves focus where it was), so the link is handled here first, in the capture phase.
document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a.skip-link") : null;
    var main = link ? document.getElementById("main") : null;
    if (main) {
        event.preventDefault();
        event.stopPropagation();
        main.focus();
        main.scrollIntoView();
    }
}, true);
