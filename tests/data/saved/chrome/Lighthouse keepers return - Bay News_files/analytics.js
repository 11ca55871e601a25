window.track = function () {};
