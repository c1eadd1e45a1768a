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
