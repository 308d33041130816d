figma.showUI(__html__, { width: 420, height: 640, themeColors: true });
