import { bootstrapApplication } from '@angular/platform-browser';
import { Component } from '@angular/core';
@Component({ selector: 'luoshi-root', template: 'hi' })
class Root {}
bootstrapApplication(Root).catch(() => undefined);
